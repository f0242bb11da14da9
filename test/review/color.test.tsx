import { describe, expect, it } from 'vitest';

// Colour has to be on before ink (and chalk) load.
process.env.FORCE_COLOR = '1';

describe('detail pane colours', () => {
  it('shows removed words in red and added words in green', async () => {
    const { render } = await import('ink-testing-library');
    const { ReviewApp } = await import('../../src/review/app.js');
    const { handResult } = await import('./review-fixtures.js');
    const { result } = handResult();
    const app = render(<ReviewApp result={result} size={{ columns: 80, rows: 24 }} />);
    await new Promise((r) => setTimeout(r, 20));
    app.stdin.write('G');
    await new Promise((r) => setTimeout(r, 20));
    const frame = app.lastFrame() ?? '';
    expect(frame).toContain('\u001b[31m[-Returns-]');
    expect(frame).toContain('\u001b[32m{+Grants permission to get+}');
    app.unmount();
  });
});
