import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { afterAll, describe, expect, it } from 'vitest';
import { inputFileCount, loadReviewData } from '../../src/review/load-review-data.js';
import type { LoadingState } from '../../src/review/loading-screen.js';
import { ReviewRoot, type ReviewBus } from '../../src/review/run-app.js';
import { fixturePath } from '../helpers/paths.js';
import { until } from './render-helpers.js';
import { removeTempDirs, servicesResult, tempDir } from './review-fixtures.js';

afterAll(() => removeTempDirs());

/** Two directories of reference pages: ECR in both years, EC2 Instance Connect only in the newer. */
function pageDirs() {
  const dir = tempDir('iamdiff-pages-');
  const [oldDir, newDir] = [join(dir, '2025-06-01'), join(dir, '2026-06-14')];
  mkdirSync(oldDir);
  mkdirSync(newDir);
  copyFileSync(fixturePath('html/ecr-2025-06-01.html'), join(oldDir, 'list_amazonelasticcontainerregistry.html'));
  copyFileSync(fixturePath('html/ecr-2026-06-14.html'), join(newDir, 'list_amazonelasticcontainerregistry.html'));
  copyFileSync(fixturePath('html/ec2instanceconnect-2026-06-14.html'), join(newDir, 'list_amazonec2instanceconnect.html'));
  return { oldDir, newDir };
}

describe('review loading', () => {
  it('tells pages parsed of a total known from the start, side by side, then the comparison', async () => {
    const { oldDir, newDir } = pageDirs();
    expect([inputFileCount(oldDir), inputFileCount(newDir), inputFileCount(fixturePath('policy-sentry-ecr.md'))]).toEqual([1, 2, 1]);
    const events: string[] = [];
    const data = await loadReviewData(oldDir, newDir, {}, { files: (side, done, total) => events.push(`${side} ${done}/${total}`), compare: () => events.push('compare') });
    expect(events).toEqual(['old 1/1', 'new 1/2', 'new 2/2', 'compare']);
    expect(data.result.changes.some((c) => c.kind === 'service-added' && c.service === 'ec2-instance-connect')).toBe(true);
    expect(data.lookup('ecr', 'DescribeImages').after?.name).toBe('DescribeImages');
  });

  it('draws the loading screen from its first frame, follows progress, then becomes the review', async () => {
    const bus: ReviewBus = {};
    const state: LoadingState = { oldPath: 'corpus/2025-06-01', newPath: 'corpus/2026-06-14', sides: { old: { done: 0, total: 492 }, new: { done: 0, total: 533 } }, phase: 'parsing' };
    const app = render(<ReviewRoot initial={state} bus={bus} />);
    await until(() => app.frames.length > 0, 'a first frame');
    expect(app.lastFrame()).toContain('pages parsed 0 / 1,025');
    await until(() => bus.progress !== undefined, 'the bus');
    bus.progress!({ ...state, sides: { old: { done: 492, total: 492 }, new: { done: 108, total: 533 } } });
    await until(() => (app.lastFrame() ?? '').includes('pages parsed 600 / 1,025'), 'a frame with the progress');
    expect(app.lastFrame()).toContain('old    492 / 492   ✓ corpus/2025-06-01');
    bus.progress!({ ...state, sides: { old: { done: 492, total: 492 }, new: { done: 533, total: 533 } }, phase: 'comparing' });
    await until(() => (app.lastFrame() ?? '').includes('comparing the catalogs…'), 'a frame saying it compares');
    const { result, lookup } = servicesResult();
    bus.start!({ result, lookup, size: { columns: 100, rows: 30 } });
    await until(() => (app.lastFrame() ?? '').includes('12 changes (3 high, 5 medium, 4 low) · ✓ 0/12 reviewed'), 'the review');
    app.unmount();
  });
});
