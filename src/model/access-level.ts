/** IAM access levels, ordered from least to most powerful (used for severity). */
export const ACCESS_LEVELS = ['List', 'Read', 'Tagging', 'Write', 'Permissions management'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

const byLowerName = new Map<string, AccessLevel>(ACCESS_LEVELS.map((l) => [l.toLowerCase(), l]));

/** Canonical access level for a spelling found in a document, or undefined when unknown. */
export function parseAccessLevel(text: string): AccessLevel | undefined {
  return byLowerName.get(text.trim().replace(/\s+/g, ' ').toLowerCase());
}

/** Position of a level in the order List < Read < Tagging < Write < Permissions management. */
export function accessLevelRank(level: AccessLevel): number {
  return ACCESS_LEVELS.indexOf(level);
}
