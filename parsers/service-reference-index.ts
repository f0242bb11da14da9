/**
 * AWS's Service Reference index (`[{"service": "s3", "url": "https://…/v1/s3/s3.json"}, …]`):
 * not a catalog itself but the list of service documents. Beside downloaded service files
 * in a directory it is skipped with a note; given alone it is an error that says so.
 */
export function serviceReferenceIndexNote(text: string): string | undefined {
  if (!/^\s*\[\s*\{\s*"(service|url)"\s*:/.test(text.slice(0, 200))) return undefined;
  let entries: unknown;
  try {
    entries = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(entries) || !entries.every((e) => e && typeof e === 'object' && typeof e.service === 'string' && typeof e.url === 'string')) return undefined;
  return `AWS's Service Reference index (${entries.length} services), not a catalog: the service documents it lists are the catalog`;
}
