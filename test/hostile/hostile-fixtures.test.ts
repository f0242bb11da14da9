import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fuzzTargets } from '../fuzz/lib/targets.js';
import { FIXTURES } from '../helpers/paths.js';

/** Every reproducer kept in test/fixtures/hostile/<format>/ gives a catalog or a located InputError (the target throws otherwise). */
const root = join(FIXTURES, 'hostile');
const targets = fuzzTargets();

describe('reproducers of past failures', () => {
  const formats = readdirSync(root).filter((d) => statSync(join(root, d)).isDirectory());
  it('are filed under format ids', () => {
    expect(formats.length).toBeGreaterThan(0);
    for (const f of formats) expect(targets.map((t) => t.id)).toContain(f);
  });
  for (const format of formats) {
    for (const file of readdirSync(join(root, format))) {
      it(`${format}/${file}`, () => {
        const target = targets.find((t) => t.id === format)!;
        expect(['catalog', 'input-error']).toContain(target.run(readFileSync(join(root, format, file), 'utf8')));
      });
    }
  }
});
