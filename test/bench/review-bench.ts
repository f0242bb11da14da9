import { createElement } from 'react';
import { render } from 'ink-testing-library';
import { pathToFileURL } from 'node:url';
import type { Change } from '../../src/diff/change.js';
import type { DiffResult } from '../../src/diff/diff-result.js';
import { ReviewApp } from '../../src/review/app.js';

const DOWN = '\u001B[B';

/** A generated result with `n` changes across kinds and severities, in `services` services. */
export function bigResult(n: number, services = 1): DiffResult {
  const kinds = [
    ['action-added', 'medium'],
    ['condition-key-added', 'low'],
    ['access-level-changed', 'high'],
    ['description-changed', 'low'],
  ] as const;
  const changes: Change[] = [];
  for (let i = 0; i < n; i++) {
    const [kind, severity] = kinds[i % kinds.length]!;
    const service = services === 1 ? 'svc' : `svc${String(i % services).padStart(3, '0')}`;
    const c: Change = { kind, rule: kind, severity, reason: `why ${kind} matters`, service, action: `Action${String(i).padStart(5, '0')}` };
    if (kind === 'condition-key-added') c.key = `svc:Key${i}`;
    if (kind === 'access-level-changed') Object.assign(c, { before: 'Read', after: 'List' });
    if (kind === 'description-changed') {
      c.words = [
        { op: 'same', text: 'Grants permission to ' },
        { op: 'removed', text: 'read' },
        { op: 'added', text: 'describe' },
        { op: 'same', text: ` item ${i}` },
      ];
    }
    changes.push(c);
  }
  const names = [...new Set(changes.map((c) => c.service))];
  const side = (path: string) => ({ path, format: 'generated', label: path, services: names });
  return { old: side('old'), new: side('new'), notCompared: [], summary: {}, changes };
}

/** Resolves once a new frame has been written after `count` frames. */
async function nextFrame(frames: string[], count: number): Promise<void> {
  while (frames.length <= count) await new Promise((r) => setImmediate(r));
}

/** Time to first frame and mean redraw per down-arrow over 50 presses, n changes in n/22 services (all open), 80×24. */
export async function benchReview(n = 10_000): Promise<{ firstFrameMs: number; keypressMs: number }> {
  const result = bigResult(n, Math.max(1, Math.round(n / 22)));
  const t0 = performance.now();
  const app = render(createElement(ReviewApp, { result, size: { columns: 80, rows: 24 } }));
  if (app.frames.length === 0) await nextFrame(app.frames, 0);
  const firstFrameMs = performance.now() - t0;
  const opened = app.frames.length;
  app.stdin.write('+'); // every service open: the most rows
  await nextFrame(app.frames, opened);
  const presses = 50;
  let total = 0;
  for (let i = 0; i < presses; i++) {
    const before = app.frames.length;
    const t = performance.now();
    app.stdin.write(DOWN);
    await nextFrame(app.frames, before);
    total += performance.now() - t;
  }
  app.unmount();
  return { firstFrameMs, keypressMs: total / presses };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await benchReview();
  console.log(`review, 10 000 changes: first frame ${r.firstFrameMs.toFixed(1)} ms, keypress redraw ${r.keypressMs.toFixed(2)} ms (mean of 50)`);
}
