const MARKER = '[permission only]';

/**
 * "Name [permission only]" marks an action with no API operation of the same name: the name
 * without the marker. Plain string work: `/\s*\[permission only\]\s*$/` was quadratic on a
 * cell of spaces.
 */
export function withoutPermissionOnly(text: string): string {
  const t = text.trimEnd();
  if (t.length < MARKER.length || t.slice(-MARKER.length).toLowerCase() !== MARKER) return text;
  return t.slice(0, -MARKER.length).trimEnd();
}
