import { render } from 'ink-testing-library';
import { ReviewApp, type ReviewAppProps } from '../../src/review/app.js';

export const KEY = { down: '\u001B[B', up: '\u001B[A', tab: '\t', esc: '\u001B', pgdown: '\u001B[6~', pgup: '\u001B[5~', enter: '\r' };

export const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));

/** Render the app at a fixed size (80×24 unless told) and wait for its key handler. */
export async function renderApp(props: Omit<ReviewAppProps, 'size'> & { size?: ReviewAppProps['size'] }) {
  const app = render(<ReviewApp size={{ columns: 80, rows: 24 }} {...props} />);
  await tick();
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      app.stdin.write(k);
      await tick();
    }
  };
  const frame = () => app.lastFrame() ?? '';
  const lines = () => frame().split('\n');
  /** The selected list row, without the pointer. */
  const selected = () => lines().find((l) => l.startsWith('›'))?.slice(1).trim() ?? '';
  return { ...app, press, frame, lines, selected };
}
