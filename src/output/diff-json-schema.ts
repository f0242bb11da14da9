import { CHANGE_KINDS, POLICY_IMPACTS, SEVERITIES } from '../diff/change.js';
import { FINGERPRINT_LENGTH } from '../diff/fingerprint.js';
import { RULE_IDS } from '../diff/severity-rules.js';
import { CATALOG_FIELDS } from '../model/catalog.js';

const str = { type: 'string' } as const;
const strings = { type: 'array', items: str } as const;

const change = {
  type: 'object',
  required: ['kind', 'rule', 'fingerprint', 'severity', 'reason', 'service'],
  additionalProperties: false,
  properties: {
    kind: { enum: [...CHANGE_KINDS], description: 'what changed (README: Change kinds)' },
    rule: { enum: [...RULE_IDS], description: 'the stable ID of the severity rule that judged it (iamdiff rules)' },
    fingerprint: { type: 'string', pattern: `^[0-9a-f]{${FINGERPRINT_LENGTH}}$`, description: 'hash of rule, service, action, subject and values: the same change has the same fingerprint in every run and source format' },
    severity: { enum: [...SEVERITIES] },
    defaultSeverity: { enum: [...SEVERITIES], description: "the rule's own severity, when the config file overrides it" },
    reason: { ...str, description: 'why this severity' },
    service: str,
    action: str,
    resource: str,
    key: str,
    policy: str,
    pattern: str,
    dependentAction: str,
    operation: str,
    before: str,
    after: str,
    pages: strings,
    words: { type: 'array', items: { type: 'object', required: ['op', 'text'], additionalProperties: false, properties: { op: { enum: ['same', 'added', 'removed'] }, text: str } } },
    candidates: strings,
    policies: {
      type: 'array',
      items: { type: 'object', required: ['impact', 'pattern', 'effect', 'policies'], additionalProperties: false, properties: { impact: { enum: Object.keys(POLICY_IMPACTS) }, pattern: str, effect: { enum: ['Allow', 'Deny'] }, policies: strings } },
    },
  },
} as const;

const accepted = {
  ...change,
  required: [...change.required, 'acceptance'],
  properties: { ...change.properties, acceptance: { $ref: '#/$defs/acceptance' } },
} as const;

const acceptance = {
  type: 'object',
  required: ['reason', 'source', 'match'],
  additionalProperties: false,
  properties: { reason: str, expires: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }, source: { ...str, description: 'file:line of the acceptance' }, match: str },
} as const;

const side = {
  type: 'object',
  required: ['path', 'format', 'services'],
  additionalProperties: false,
  properties: { path: str, format: str, date: str, label: str, services: strings },
} as const;

/** The JSON Schema (draft 2020-12) of `iamdiff diff --format json`, printed by `iamdiff schema`. */
export const DIFF_JSON_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:iamdiff:diff-report:1',
  title: 'iamdiff diff --format json',
  type: 'object',
  required: ['old', 'new', 'notCompared', 'summary', 'changes'],
  additionalProperties: false,
  $defs: { change, accepted, acceptance, side },
  properties: {
    old: { $ref: '#/$defs/side' },
    new: { $ref: '#/$defs/side' },
    notCompared: {
      type: 'array',
      items: { type: 'object', required: ['field', 'label', 'reason', 'services'], additionalProperties: false, properties: { field: { enum: [...CATALOG_FIELDS] }, label: str, reason: str, services: strings } },
    },
    summary: { type: 'object', description: 'changes per kind (accepted ones not counted)', propertyNames: { enum: [...CHANGE_KINDS] }, additionalProperties: { type: 'integer', minimum: 1 } },
    changes: { type: 'array', items: { $ref: '#/$defs/change' } },
    policyImpact: {
      type: 'array',
      items: { type: 'object', required: ['pattern', 'effect', 'impact', 'actions', 'policies'], additionalProperties: false, properties: { pattern: str, effect: { enum: ['Allow', 'Deny'] }, impact: { enum: Object.keys(POLICY_IMPACTS) }, actions: strings, policies: strings } },
    },
    accepted: { type: 'array', description: 'changes the config file accepts: never counted by --fail-on or --exit-code', items: { $ref: '#/$defs/accepted' } },
    expiredAcceptances: {
      type: 'array',
      items: { type: 'object', required: ['reason', 'expires', 'source', 'match', 'changes'], additionalProperties: false, properties: { ...acceptance.properties, changes: { type: 'integer', minimum: 0 } } },
    },
  },
} as const;
