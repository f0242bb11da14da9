import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { applyConfig } from '../../src/config/apply-config.js';
import { parseConfig } from '../../src/config/load-config.js';
import { renderApp } from './render-helpers.js';
import { servicesResult } from './review-fixtures.js';

afterEach(() => cleanup());

describe('review app: accepted changes', () => {
  it('are not in the tree; the header counts them, and shows each change with its rule and fingerprint', async () => {
    const { result, lookup } = servicesResult();
    const config = parseConfig('/p/.iamdiff.yaml', 'accept:\n  - service: s3\n    reason: not ours\n');
    const judged = applyConfig(result, config, '2026-01-01');
    const accepted = judged.accepted!.length;
    expect(accepted).toBeGreaterThan(0);
    const app = await renderApp({ result: judged, lookup });
    expect(app.lines()[1]).toContain(`· accepted: ${accepted} (not shown)`);
    expect(app.lines()[1]).toContain(`${judged.changes.length} changes`);
    expect(app.frame()).not.toMatch(/\bs3\b/);
    const plain = await renderApp({ result, lookup });
    expect(plain.lines()[1]).not.toContain('accepted');
  });
});
