import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits, mutantArb } from './lib/mutations.js';
import { fuzzTargets } from './lib/targets.js';

/**
 * Property: whatever a mutated document holds, each parser gives a catalog (that a snapshot
 * can hold and reports print safely) or a located InputError, never another exception.
 * Bounded runs with a fixed seed (FUZZ_SEED overrides it); `npm run fuzz` does the long runs.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);

describe('fuzzed documents: a catalog or a located InputError', () => {
  for (const target of fuzzTargets()) {
    it(`${target.id}: ${RUNS} mutants of its seed`, () => {
      const outcomes = { catalog: 0, 'input-error': 0 };
      fc.assert(
        fc.property(mutantArb({ seeds: target.seeds.length, tokens: target.tokens, maxBytes: 48 * 1024 }), (m) => {
          outcomes[target.run(applyEdits(target.seeds[m.seed]!, m.edits, 48 * 1024), m.seed)]++;
        }),
        { numRuns: RUNS, seed: SEED },
      );
      // Both outcomes occur: the mutants neither all break the format nor all leave it intact.
      expect(outcomes.catalog).toBeGreaterThan(0);
      expect(outcomes['input-error']).toBeGreaterThan(0);
    });
  }

  it('the seeds themselves parse', () => {
    for (const target of fuzzTargets()) target.seeds.forEach((s, i) => expect(target.run(s, i), target.id).toBe('catalog'));
  });
});
