import type { CatalogField } from '../model/catalog.js';
import type { Change, ChangeKind, PolicyImpactKind } from './change.js';

/** One side of a diff: the source(s) it was read from. */
export interface DiffSide {
  /** The file or directory named on the command line. */
  path: string;
  /** Format of the source; `mixed` when a directory holds several. */
  format: string;
  date?: string;
  label?: string;
  /** Service prefixes on this side. */
  services: string[];
}

/** A field that was not compared, once per field and service pair, with why. */
export interface NotCompared {
  field: CatalogField;
  label: string;
  reason: string;
  services: string[];
}

export interface DiffResult {
  old: DiffSide;
  new: DiffSide;
  notCompared: NotCompared[];
  summary: Partial<Record<ChangeKind, number>>;
  changes: Change[];
  /** With --policies: per pattern, the actions whose change it touches. */
  policyImpact?: PatternImpact[];
}

/** One pattern's share of the diff: e.g. `ecr:Describe*` newly grants three added actions. */
export interface PatternImpact {
  pattern: string;
  effect: 'Allow' | 'Deny';
  impact: PolicyImpactKind;
  /** `service:Action`, sorted. */
  actions: string[];
  policies: string[];
}
