import type { CommandSpec } from './command-spec.js';
import { acceptSpec } from './specs/accept-spec.js';
import { checkSpec } from './specs/check-spec.js';
import { compareSpec } from './specs/compare-spec.js';
import { completionSpec } from './specs/completion-spec.js';
import { diffSpec } from './specs/diff-spec.js';
import { expandSpec } from './specs/expand-spec.js';
import { formatsSpec } from './specs/formats-spec.js';
import { logSpec } from './specs/log-spec.js';
import { parseSpec } from './specs/parse-spec.js';
import { policyDiffSpec } from './specs/policy-diff-spec.js';
import { reviewSpec } from './specs/review-spec.js';
import { rulesSpec } from './specs/rules-spec.js';
import { schemaSpec } from './specs/schema-spec.js';
import { snapshotSpec } from './specs/snapshot-spec.js';

/** Every command, in the order --help lists them. Specs are light: each command's code loads when it runs. */
export const COMMANDS: readonly CommandSpec[] = [diffSpec, reviewSpec, logSpec, compareSpec, expandSpec, checkSpec, policyDiffSpec, parseSpec, snapshotSpec, formatsSpec, rulesSpec, acceptSpec, schemaSpec, completionSpec];
