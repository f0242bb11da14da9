/**
 * Which parts of a document to list in full so that it fits a size budget. A unit is a set of
 * rows that is listed or only counted as a whole (one kind of one severity in one section);
 * mandatory units (HIGH) are always listed. Optional units are taken greedily in priority order,
 * each one if the document still fits with it.
 */
export interface BudgetInput {
  /** Units in priority order. */
  units: Array<{ id: string; mandatory: boolean }>;
  /** Blocks of the document (a service's section) and the units each holds. */
  blocks: Array<{ id: string; units: ReadonlySet<string> }>;
  /** Bytes of one block when `included` units are listed. */
  blockBytes(blockId: string, included: ReadonlySet<string>): number;
  /** Bytes of everything outside the blocks (head, notes) when `included` units are listed. */
  restBytes(included: ReadonlySet<string>): number;
  budget: number;
}

/** The units to list. */
export function planBudget(input: BudgetInput): Set<string> {
  const included = new Set(input.units.filter((u) => u.mandatory).map((u) => u.id));
  const cost = new Map(input.blocks.map((b) => [b.id, input.blockBytes(b.id, included)]));
  let blocksTotal = [...cost.values()].reduce((a, b) => a + b, 0);
  for (const unit of input.units) {
    if (unit.mandatory) continue;
    const trial = new Set(included).add(unit.id);
    const affected = input.blocks.filter((b) => b.units.has(unit.id));
    const newCosts = affected.map((b) => [b.id, input.blockBytes(b.id, trial)] as const);
    const delta = newCosts.reduce((d, [id, bytes]) => d + bytes - cost.get(id)!, 0);
    if (blocksTotal + delta + input.restBytes(trial) > input.budget) continue;
    included.add(unit.id);
    blocksTotal += delta;
    for (const [id, bytes] of newCosts) cost.set(id, bytes);
  }
  return included;
}
