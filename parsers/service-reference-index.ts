import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * AWS's Service Reference index (`[{"service": "s3", "url": "https://…/v1/s3/s3.json"}, …]`):
 * not a catalog itself but the list of service documents. Beside downloaded service files
 * in a directory it is skipped with a note; given alone it is an error that says so.
 */
export function serviceReferenceIndexNote(text: string, file?: string): string | undefined {
  if (!/^\s*\[\s*\{\s*"(service|url)"\s*:/.test(text.slice(0, 200))) return undefined;
  let entries: unknown;
  try {
    entries = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(entries) || !entries.every((e) => e && typeof e === 'object' && typeof e.service === 'string' && typeof e.url === 'string')) return undefined;
  const services = (entries as { service: string }[]).map((e) => e.service);
  // Beside downloaded service files: say which ones it lists that are not there.
  const dir = file && file !== '-' && file !== '<stdin>' ? dirname(file) : undefined;
  const missing = dir ? services.filter((s) => !existsSync(join(dir, `${s}.json`))) : [];
  const gap = missing.length ? `; ${missing.length} without a file beside it: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}` : '';
  return `AWS's Service Reference index (${services.length} services${gap}), not a catalog: the service documents it lists are the catalog`;
}
