import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The UI bundled by `npm run build`, next to this module. */
export const UI_BUNDLE = new URL('./run-app.bundle.js', import.meta.url);

/**
 * Import the terminal UI (ink, React, yoga-layout). yoga-layout decodes its WebAssembly with
 * fetch() of a data: URL when fetch exists, which first loads Node's HTTP client (undici:
 * about 30 ms); without fetch it decodes the same bytes in place. So fetch is hidden for the
 * import only (iamdiff fetches nothing), and put back however the import ends.
 */
export async function importReviewUi(): Promise<typeof import('./run-app.js')> {
  const saved = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  const hide = saved?.configurable === true;
  if (hide) Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  try {
    // The built CLI has the UI bundled with ink and React (src/build/bundle-ui.ts): 50 ms to load, not 210.
    if (existsSync(fileURLToPath(UI_BUNDLE))) return (await import(UI_BUNDLE.href)) as typeof import('./run-app.js');
    return await import('./run-app.js');
  } finally {
    if (hide) Object.defineProperty(globalThis, 'fetch', saved);
  }
}
