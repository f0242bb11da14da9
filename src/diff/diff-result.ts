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
  /** Changes the config file accepts: listed apart, never counted by --fail-on or --exit-code. */
  accepted?: AcceptedChange[];
  /** Acceptances past their expiry date: they no longer apply (and say so). */
  expiredAcceptances?: ExpiredAcceptance[];
}

/** Why a change is accepted: one entry of the config file's `accept` list. */
export interface Acceptance {
  reason: string;
  /** YYYY-MM-DD: the last day it applies. */
  expires?: string;
  /** Where it is written: `.iamdiff.yaml:12`. */
  source: string;
  /** What it matches: `fingerprint 1a2b3c4d5e6f`, `service: ec2, rule: description-changed`. */
  match: string;
}

/** A change and the acceptance that covers it. */
export type AcceptedChange = Change & { acceptance: Acceptance };

/** An acceptance past its date, with how many changes of this diff it would have covered. */
export interface ExpiredAcceptance extends Acceptance {
  expires: string;
  changes: number;
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
