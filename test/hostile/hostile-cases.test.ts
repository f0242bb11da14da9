import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/io/read-input.js';
import { InputError } from '../../src/model/errors.js';
import { HOSTILE_CASES } from '../fuzz/lib/hostile-cases.js';
import { fuzzTargets } from '../fuzz/lib/targets.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, fixturePath, ROOT } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * The documents the issue names, built small here (npm run fuzz times them at 1 MB): each
 * gives a catalog or a located InputError, never a crash.
 */
const targets = fuzzTargets();

describe('hostile documents of every class the issue names', () => {
  for (const c of HOSTILE_CASES) {
    it(`${c.format}: ${c.name}`, () => {
      const target = targets.find((t) => t.id === c.format)!;
      expect(['catalog', 'input-error']).toContain(target.run(c.make(8 * 1024), c.seedIndex ?? 0));
    });
  }
});

/** The message a document gets, parsed as `format`. */
function errorOf(text: string, format: string): InputError {
  try {
    parseText(text, 'page', { format, service: 'ecr' });
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('parsed without an error');
}

const make = (name: string) => HOSTILE_CASES.find((c) => c.name === name)!.make(8 * 1024);

describe('what they are told', () => {
  it('crashers of the issue are located errors', () => {
    expect(errorOf(make('YAML alias bomb'), 'snapshot').message).toMatch(/^page:\d+: not a usable YAML document: Excessive alias count/);
    expect(errorOf(make('unresolved YAML alias'), 'snapshot').message).toBe('page:2: not a usable YAML document: Unresolved alias (the anchor must be set before the alias): nowhere');
    expect(errorOf(make('deeply nested flow YAML'), 'snapshot').message).toMatch(/^page:2: YAML nested deeper than 64 levels$/);
    expect(errorOf(make('deeply nested block YAML'), 'snapshot').message).toMatch(/^page:\d+: YAML nested deeper than 64 levels$/);
    expect(errorOf(make('upper-case service prefix'), 'snapshot').message).toMatch(/^page:3: snapshot does not match the catalog schema at service\.prefix: /);
    expect(errorOf(make('table header with too few cells'), 'aws-docs-md').message).toBe('page:3: the actions table has 1 columns, expected 6');
    // Well-formed, the nesting is read without recursion (the scan keeps a stack): the page is then short of its tables.
    expect(errorOf(make('12,000 nested tags in a cell'), 'aws-docs-html').message).toBe('page:2: no resource types table (truncated page?)');
    // Unclosed, the table goes to the DOM reading, whose builders recurse: the nesting is bounded first.
    expect(errorOf(make('12,000 unclosed tags in a cell'), 'aws-docs-html').message).toMatch(/^page:2: tags nested deeper than 256 levels$/);
  });

  it('a page whose prefix is not one as IAM has them is refused at the line that states it', () => {
    const page = fixture('html/ec2instanceconnect-2026-06-14.html').replace(/(service prefix:\s*<code[^>]*>\s*)ec2-instance-connect/, '$1EC2-Instance-Connect');
    expect(errorOf(page, 'aws-docs-html').message).toBe('page:173: service prefix "EC2-Instance-Connect" is not an IAM service prefix (lower-case letters, digits and -)');
  });

  it('--service must be a prefix as IAM has them: it names directories of snapshots', () => {
    const r = runCli(['snapshot', fixturePath('box-table-ecr.txt'), '--service', '../ECR', '--out', 'never-written']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('iamdiff: --service "../ECR" is not an IAM service prefix (lower-case letters, digits and -) (see iamdiff snapshot --help)\n');
    expect(existsSync(join(ROOT, 'never-written'))).toBe(false);
  });

  it('a page cut short is "truncated?", not a shorter catalog', () => {
    expect(errorOf(make('page cut at a row boundary'), 'aws-docs-md').message).toMatch(/the page ends before its resource types section \(truncated page\?\)$/);
    expect(errorOf(make('page cut after its last table'), 'aws-docs-html').message).toMatch(/the page ends without <\/html> after its tables \(truncated page\?\)$/);
    // cut inside the condition keys table, on a row boundary, with a key the tables use now missing
    const page = fixture('aws-docs-ecr.md').replace(/^.*has no service\\-specific context keys.*$/m, 'The keys:\n\n| Condition keys | Description | Type |\n| --- | --- | --- |\n| ecr:A | a | String |\n| ecr:ResourceTag/${TagKey} | b | String |\n');
    const used = page.replace('| [repository\\*](#amazonec2containerregistry-repository)  |  |', '| [repository\\*](#amazonec2containerregistry-repository)  | ecr:ResourceTag/$\\{TagKey\\} |');
    expect(parseText(used, 'whole', { format: 'aws-docs-md' }).conditionKeys).toHaveLength(2);
    const cut = used.slice(0, used.lastIndexOf('| ecr:ResourceTag'));
    expect(errorOf(cut, 'aws-docs-md').message).toMatch(/the page ends on a table row and its condition keys table lacks ecr:ResourceTag\/\$\{TagKey\}, which its tables use \(truncated page\?\)$/);
  });
});
