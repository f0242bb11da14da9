import { existsSync, statSync } from 'node:fs';
import { closeHint } from '../cli/close-names.js';
import type { CommandSpec, OptionValues } from '../cli/command-spec.js';
import { CHANGE_KINDS } from '../diff/change.js';
import { RULE_IDS } from '../diff/severity-rules.js';
import { InputError } from '../model/errors.js';
import { decodeText } from '../io/decode-text.js';
import { readGuarded } from '../io/guarded-read.js';
import { parseConfigDocument, type ConfigDocument } from './config-document.js';
import { configSchema } from './config-schema.js';
import { findConfigFile } from './find-config.js';

export { CONFIG_NAMES, findConfigFile } from './find-config.js';
import type { AcceptEntry, IamdiffConfig, Located, RuleSetting } from './config-types.js';
import { configOptionNames, NOT_DEFAULTS, optionOf } from './option-names.js';

/** The config in force, validated; undefined when there is none. Errors name the file and line. */
export function loadConfig(explicit: string | undefined, cwd: string): IamdiffConfig | undefined {
  const file = findConfigFile(explicit, cwd);
  if (file === undefined) return undefined;
  return parseConfig(file, readConfigText(file));
}

/** A config's text, through the guarded reader (a FIFO or a huge file named as the config is refused, never waited on); an empty file is an empty config. */
export function readConfigText(file: string): string {
  if (!existsSync(file) || statSync(file).size === 0) return '';
  return decodeText(readGuarded(file), file);
}

/** Validate a config text: the shape (zod), then rule IDs, kinds and option names (with close names). */
export function parseConfig(file: string, text: string): IamdiffConfig {
  const cd = parseConfigDocument(file, text);
  const raw = cd.doc.toJS() ?? {};
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    const where = path.length ? `${path.join('.')}: ` : '';
    const detail = issue.code === 'unrecognized_keys' ? `unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')}${closeHint(issue.keys[0]!, path.length === 0 ? ['defaults', 'rules', 'accept'] : ['fingerprint', 'rule', 'kind', 'service', 'action', 'reason', 'expires'])}` : issue.message;
    const line = issue.code === 'unrecognized_keys' ? cd.lineOf([...path, issue.keys[0]!]) : cd.lineOf(path);
    throw new InputError(file, `${where}${detail}`, line);
  }
  const shape = parsed.data;
  const config: IamdiffConfig = { file, defaults: {}, commandDefaults: {}, rules: {}, accept: [] };
  for (const [id, setting] of Object.entries(shape.rules ?? {})) {
    if (!RULE_IDS.includes(id)) throw new InputError(file, `rules: unknown rule ID "${id}"${closeHint(id, RULE_IDS)} (iamdiff rules lists them)`, cd.lineOf(['rules', id]));
    config.rules[id] = { value: setting as RuleSetting, line: cd.lineOf(['rules', id]) };
  }
  readDefaults(cd, shape.defaults ?? {}, config);
  (shape.accept ?? []).forEach((entry, i) => config.accept.push(checkAccept(cd, entry as Omit<AcceptEntry, 'line'>, i)));
  return config;
}

function checkAccept(cd: ConfigDocument, e: Omit<AcceptEntry, 'line'>, i: number): AcceptEntry {
  const at = (field: string) => cd.lineOf(['accept', i, field]);
  if (e.rule !== undefined && !RULE_IDS.includes(e.rule)) throw new InputError(cd.file, `accept[${i}].rule: unknown rule ID "${e.rule}"${closeHint(e.rule, RULE_IDS)}`, at('rule'));
  if (e.kind !== undefined && !(CHANGE_KINDS as readonly string[]).includes(e.kind)) throw new InputError(cd.file, `accept[${i}].kind: unknown change kind "${e.kind}"${closeHint(e.kind, CHANGE_KINDS)}`, at('kind'));
  if (e.expires !== undefined && Number.isNaN(Date.parse(`${e.expires}T00:00:00Z`))) throw new InputError(cd.file, `accept[${i}].expires: "${e.expires}" is not a date`, at('expires'));
  return { ...e, line: cd.lineOf(['accept', i]) };
}

/** `defaults:` option names (of any command) or command names with their own options. */
function readDefaults(cd: ConfigDocument, defaults: Record<string, unknown>, config: IamdiffConfig): void {
  const names = configOptionNames();
  for (const [key, value] of Object.entries(defaults)) {
    const line = cd.lineOf(['defaults', key]);
    if (names.commands.has(key)) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputError(cd.file, `defaults.${key}: the defaults of command ${key}: a map of its options`, line);
      const own: Record<string, Located<unknown>> = {};
      for (const [option, v] of Object.entries(value)) {
        if (NOT_DEFAULTS.has(option)) throw new InputError(cd.file, `defaults.${key}: --${option} cannot have a default (it names what one run reads or writes)`, cd.lineOf(['defaults', key, option]));
        if (!optionOf(key, option)) throw new InputError(cd.file, `defaults.${key}: ${key} has no option --${option}${closeHint(option, names.ofCommand(key))}`, cd.lineOf(['defaults', key, option]));
        own[option] = { value: v, line: cd.lineOf(['defaults', key, option]) };
      }
      config.commandDefaults[key] = own;
    } else if (names.options.has(key)) {
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) throw new InputError(cd.file, `defaults.${key}: a value, as on the command line`, line);
      config.defaults[key] = { value, line };
    } else if (NOT_DEFAULTS.has(key)) throw new InputError(cd.file, `defaults: --${key} cannot have a default (it names what one run reads or writes)`, line);
    else throw new InputError(cd.file, `defaults: "${key}" is neither an option nor a command${closeHint(key, [...names.options, ...names.commands])}`, line);
  }
}

/**
 * Options not given on the command line take the config's defaults (the command's own section
 * first): checked as the command line checks them (allowed values), errors at their line.
 */
export function applyConfigDefaults(config: IamdiffConfig, spec: CommandSpec, values: OptionValues): void {
  const own = config.commandDefaults[spec.name] ?? {};
  for (const [name, setting] of [...Object.entries(own), ...Object.entries(config.defaults)]) {
    if (values[name] !== undefined) continue;
    const option = optionOf(spec.name, name);
    if (!option) continue; // a shared default this command does not take
    const v = setting.value;
    const value = option.multiple ? (Array.isArray(v) ? v.map(String) : [String(v)]) : typeof v === 'boolean' ? v : Array.isArray(v) ? v.join(',') : String(v);
    const isFlag = !/[<[]/.test(option.flags);
    if (isFlag && typeof v !== 'boolean') throw new InputError(config.file, `defaults: --${name} is a flag: true or false`, setting.line);
    if (!isFlag && typeof v === 'boolean' && !(name === 'color')) throw new InputError(config.file, `defaults: --${name} takes a value`, setting.line);
    if (option.choices && typeof value === 'string' && !option.choices.includes(value)) throw new InputError(config.file, `defaults: --${name} of ${spec.name} must be one of ${option.choices.join(', ')} (got "${value}")`, setting.line);
    if (isFlag && v === false) continue;
    values[name] = value;
  }
}
