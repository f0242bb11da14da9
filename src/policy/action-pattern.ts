import { compileGlob, MATCH_ALL, MATCH_NONE, type GlobMatcher } from './glob-match.js';

/** An IAM action pattern (`ecr:Describe*`, `s3:Get?bject`, `*`), compiled for matching (linear time: glob-match.ts). */
export interface ActionPattern {
  /** The pattern as written. */
  text: string;
  service: GlobMatcher;
  action: GlobMatcher;
  /** True when the pattern has `*` or `?`. */
  wildcard: boolean;
}

/** True when an action pattern has a wildcard (`*` or `?`) anywhere. */
export function isWildcardPattern(text: string): boolean {
  return /[*?]/.test(text);
}

/**
 * Compile a pattern by IAM's rules: case-insensitive, `*` any run of characters,
 * `?` one character, the service prefix before the first `:`. A lone `*` matches every action.
 */
export function compileActionPattern(text: string): ActionPattern {
  const t = text.trim();
  const wildcard = isWildcardPattern(t);
  if (t === '*') return { text, service: MATCH_ALL, action: MATCH_ALL, wildcard };
  const colon = t.indexOf(':');
  if (colon < 0) return { text, service: MATCH_NONE, action: MATCH_NONE, wildcard };
  return { text, service: compileGlob(t.slice(0, colon)), action: compileGlob(t.slice(colon + 1)), wildcard };
}

/** Does the pattern match action `name` of service `prefix`? */
export function patternMatches(pattern: ActionPattern, prefix: string, name: string): boolean {
  return pattern.service.test(prefix) && pattern.action.test(name);
}
