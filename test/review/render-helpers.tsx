import { render } from 'ink-testing-library';
import { ReviewApp, type ReviewAppProps } from '../../src/review/app.js';

export const KEY = { down: '\u001B[B', up: '\u001B[A', right: '\u001B[C', left: '\u001B[D', tab: '\t', esc: '\u001B', pgdown: '\u001B[6~', pgup: '\u001B[5~', enter: '\r', backspace: '\u007F' };

/** Let the event loop turn until `done` holds; fails (never hangs) after many turns. Waits on events, not on time. */
export async function until(done: () => boolean, what: string): Promise<void> {
  for (let turns = 0; !done(); turns++) {
    if (turns > 20_000) throw new Error(`never happened: ${what}`);
    await new Promise((r) => setImmediate(r));
  }
}

/** Render the app at a fixed size (80×24 unless told); resolves on its first frame. */
export async function renderApp(props: Omit<ReviewAppProps, 'size'> & { size?: ReviewAppProps['size'] }) {
  const app = render(<ReviewApp size={{ columns: 80, rows: 24 }} {...props} />);
  await until(() => app.frames.length > 0, 'a first frame');
  /** Each key, then the frame it gives (the app draws once per key, changed or not). */
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      const before = app.frames.length;
      app.stdin.write(k);
      await until(() => app.frames.length > before, `a frame after ${JSON.stringify(k)}`);
    }
  };
  const frame = () => app.lastFrame() ?? '';
  const lines = () => frame().split('\n');
  /** The selected tree row, without the cursor and mark columns. */
  const selected = () => lines().find((l) => l.startsWith('›'))?.slice(3).trim() ?? '';
  /** The status line above the keys. */
  const status = () => lines().at(-2)!.trim();
  return { ...app, press, frame, lines, selected, status };
}
