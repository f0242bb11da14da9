import type { Severity } from '../diff/change.js';

/** A value of the config file and the line it is on (for errors and notes). */
export interface Located<T> {
  value: T;
  line: number;
}

/** One entry of `accept`: a fingerprint, or a pattern of fields that must all match. */
export interface AcceptEntry {
  fingerprint?: string;
  rule?: string;
  kind?: string;
  service?: string;
  /** An action name; `*` and `?` are wildcards (as in IAM). */
  action?: string;
  reason: string;
  /** YYYY-MM-DD: the last day it applies. */
  expires?: string;
  line: number;
}

/** A severity a rule is set to; `none` drops the rule's changes. */
export type RuleSetting = Severity | 'none';

/** `.iamdiff.yaml`, validated. */
export interface IamdiffConfig {
  /** The file it was read from. */
  file: string;
  /** Option defaults for every command that has the option, by long name. */
  defaults: Record<string, Located<unknown>>;
  /** Option defaults for one command. */
  commandDefaults: Record<string, Record<string, Located<unknown>>>;
  /** Severity per rule ID. */
  rules: Record<string, Located<RuleSetting>>;
  accept: AcceptEntry[];
}
