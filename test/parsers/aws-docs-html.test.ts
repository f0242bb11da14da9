import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, beforeEach } from 'vitest';
import { awsDocsHtml } from '../../parsers/aws-docs-html.js';
import { PARSERS } from '../../parsers/index.js';
import { InputError } from '../../src/model/errors.js';
import { corpusDir, HAS_CORPUS, NO_CORPUS } from '../helpers/corpus.js';
import { fixture } from '../helpers/paths.js';

// Real pages of the Service Authorization Reference (policy_sentry's copies, see the corpus README).
const ECR_2025 = 'html/ecr-2025-06-01.html';
const ECR_2026 = 'html/ecr-2026-06-14.html';
const EIC_2026 = 'html/ec2instanceconnect-2026-06-14.html';

const parse = (file: string, text = fixture(file)) => awsDocsHtml.parse(text, { file });
const finder = (file: string) => {
  const catalog = parse(file);
  return { catalog, action: (name: string) => catalog.actions.find((a) => a.name === name)! };
};

describe('aws-docs-html on the ECR page', () => {
  // parsed afresh in each test (not once when the file loads): mutation testing sees each test read it
  let catalog!: ReturnType<typeof parse>;
  let action!: ReturnType<typeof finder>['action'];
  let old!: ReturnType<typeof finder>;
  beforeEach(() => {
    ({ catalog, action } = finder(ECR_2026));
    old = finder(ECR_2025);
  });

  it('is detected from content, and only by this parser', () => {
    for (const f of [ECR_2025, ECR_2026, EIC_2026]) {
      expect(awsDocsHtml.detect(fixture(f))).toBe(true);
      expect(PARSERS.filter((p) => p.id !== awsDocsHtml.id && p.detect(fixture(f))).map((p) => p.id)).toEqual([]);
    }
    for (const other of ['aws-docs-ecr.md', 'policy-sentry-ecr.md', 'box-table-ecr.txt', 'typedoc-AwsEcrActions.md', 'managed-policies-ecr.md']) {
      expect(awsDocsHtml.detect(fixture(other))).toBe(false);
    }
  });

  it('reads the service prefix and the H1 name; the page states no date', () => {
    expect(catalog.service).toEqual({ prefix: 'ecr', name: 'Amazon Elastic Container Registry' });
    expect(catalog.source).toEqual({ format: 'aws-docs-html', file: ECR_2026 });
    expect(catalog.carries).toEqual([...awsDocsHtml.carries].sort());
  });

  it('has one action per action row: 52 in 2025, 60 in 2026', () => {
    expect(old.catalog.actions).toHaveLength(52);
    expect(catalog.actions).toHaveLength(60);
    const added = catalog.actions.map((a) => a.name).filter((n) => !old.catalog.actions.some((a) => a.name === n));
    expect(added).toEqual([
      'DeleteSigningConfiguration', 'DeregisterPullTimeUpdateExclusion', 'DescribeImageSigningStatus', 'GetSigningConfiguration',
      'ListPullTimeUpdateExclusions', 'PutSigningConfiguration', 'RegisterPullTimeUpdateExclusion', 'UpdateImageStorageClass',
    ]);
  });

  it('reads access levels and descriptions', () => {
    expect(action('SetRepositoryPolicy').accessLevel).toBe('Permissions management');
    expect(action('TagResource').accessLevel).toBe('Tagging');
    expect(action('DescribeRepositories').accessLevel).toBe('Read');
    expect(action('CreateRepository').accessLevel).toBe('Write');
    expect(action('BatchCheckLayerAvailability').description).toBe('Grants permission to check the availability of multiple image layers in a specified registry and repository');
  });

  it('reads required resource types (the * mark)', () => {
    expect(action('BatchCheckLayerAvailability').resourceTypes).toEqual([{ name: 'repository', required: true, conditionKeys: [], dependentActions: [] }]);
    expect(action('GetAuthorizationToken')).toMatchObject({ resourceTypes: [], conditionKeys: [], dependentActions: [] });
  });

  it('merges the rowspan rows of an action: keys of the row without a resource are the action\'s own', () => {
    // Row 1: repository* with dependent action ecr:TagResource; row 2: no resource, two keys.
    for (const c of [catalog, old.catalog]) {
      expect(c.actions.find((a) => a.name === 'CreateRepository')).toMatchObject({
        resourceTypes: [{ name: 'repository', required: true, conditionKeys: [], dependentActions: ['ecr:TagResource'] }],
        conditionKeys: ['aws:RequestTag/${TagKey}', 'aws:TagKeys'],
        dependentActions: [],
      });
    }
    expect(action('UntagResource').conditionKeys).toEqual(['aws:TagKeys']);
    // A single row without a resource type: its dependent actions are the action's.
    expect(action('CreateRepositoryCreationTemplate')).toMatchObject({
      resourceTypes: [],
      dependentActions: ['ecr:CreateRepository', 'ecr:PutLifecyclePolicy', 'ecr:SetRepositoryPolicy', 'iam:CreateServiceLinkedRole', 'iam:PassRole'],
    });
  });

  it('takes the link of the action cell as documentation URL, as written', () => {
    expect(action('CreateRepository').documentationUrl).toBe('https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreateRepository.html');
    // "ReplicateImage [permission only]": the marker is not part of the name.
    expect(action('ReplicateImage').documentationUrl).toBe('https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry-permissions.html');
    // The page itself omits ".html" here.
    expect(action('DeregisterPullTimeUpdateExclusion').documentationUrl).toBe('https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_DeregisterPullTimeUpdateExclusion');
  });

  it('records the line of the <tr> that starts each action', () => {
    expect(action('CreateRepository').line).toBe(522);
    expect(action('SetRepositoryPolicy').line).toBe(1518);
    expect(old.action('CreateRepository').line).toBe(517);
    expect(old.action('TagResource').line).toBe(1447);
  });

  it('reads the resource types table, ARN without the pretty-printing spaces', () => {
    expect(catalog.resourceTypes).toEqual([
      { name: 'repository', arnPattern: 'arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}', conditionKeys: ['aws:ResourceTag/${TagKey}', 'ecr:ResourceTag/${TagKey}'] },
    ]);
  });

  it('reads the condition keys table with types', () => {
    expect(catalog.conditionKeys!.map((k) => k.name)).toEqual(['aws:RequestTag/${TagKey}', 'aws:ResourceTag/${TagKey}', 'aws:TagKeys', 'ecr:AccountSetting', 'ecr:ResourceTag/${TagKey}']);
    expect(catalog.conditionKeys!.find((k) => k.name === 'aws:TagKeys')).toEqual({ name: 'aws:TagKeys', type: 'ArrayOfString', description: 'Filters access by the presence of mandatory tags in the request' });
    expect(catalog.conditionKeys!.find((k) => k.name === 'ecr:AccountSetting')!.type).toBe('String');
  });
});

describe('aws-docs-html on the EC2 Instance Connect page', () => {
  // parsed afresh in each test (not once when the file loads): mutation testing sees each test read it
  let catalog!: ReturnType<typeof parse>;
  let action!: ReturnType<typeof finder>['action'];
  beforeEach(() => {
    ({ catalog, action } = finder(EIC_2026));
  });

  it('reads a hyphenated prefix', () => {
    expect(catalog.service).toEqual({ prefix: 'ec2-instance-connect', name: 'Amazon EC2 Instance Connect' });
    expect(catalog.actions.map((a) => a.name)).toEqual(['OpenTunnel', 'SendSerialConsoleSSHPublicKey', 'SendSSHPublicKey']);
  });

  it('gives the keys of a row with a resource type to that resource, optional ones included', () => {
    // OpenTunnel: row 1 instance-connect-endpoint* (no keys); row 2 the same type, optional, with five keys.
    expect(action('OpenTunnel')).toMatchObject({
      resourceTypes: [
        { name: 'instance-connect-endpoint', required: true, conditionKeys: [], dependentActions: [] },
        {
          name: 'instance-connect-endpoint',
          required: false,
          // "MaxTunnelDuration" as the actions table spells it (the keys table says maxTunnelDuration).
          conditionKeys: ['aws:ResourceTag/${TagKey}', 'ec2-instance-connect:MaxTunnelDuration', 'ec2-instance-connect:privateIpAddress', 'ec2-instance-connect:remotePort', 'ec2:ResourceTag/${TagKey}'],
          dependentActions: [],
        },
      ],
      conditionKeys: [],
    });
    expect(action('SendSSHPublicKey')).toMatchObject({ resourceTypes: [{ name: 'instance', required: true }], conditionKeys: ['ec2:osuser'] });
    expect(action('OpenTunnel').line).toBe(355);
  });

  it('reads ARN patterns and key types', () => {
    expect(catalog.resourceTypes!.find((r) => r.name === 'instance')!.arnPattern).toBe('arn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}');
    const type = (name: string) => catalog.conditionKeys!.find((k) => k.name === name)!.type;
    expect(type('ec2-instance-connect:privateIpAddress')).toBe('IPAddress');
    expect(type('ec2-instance-connect:remotePort')).toBe('Numeric');
    expect(catalog.conditionKeys).toHaveLength(6);
  });
});

describe('aws-docs-html on layout variants', () => {
  const text = fixture(ECR_2026);
  let tagResource!: ReturnType<ReturnType<typeof finder>['action']>;
  beforeEach(() => {
    tagResource = finder(ECR_2026).action('TagResource');
  });

  it('reads the older layout where the action id is an <a id> anchor in the cell', () => {
    const older = text.replace('<td id="amazonelasticcontainerregistry-TagResource" rowspan="2" tabindex="-1">', '<td rowspan="2">\n<a id="amazonelasticcontainerregistry-TagResource"></a>');
    expect(parse(ECR_2026, older).actions.find((a) => a.name === 'TagResource')).toEqual(tagResource);
  });

  it('skips SCENARIO rows (5 cells, as on the EC2 and CloudWatch pages)', () => {
    const start = text.indexOf('amazonelasticcontainerregistry-TagResource" rowspan="2"');
    const end = text.indexOf('</tr>', text.indexOf('</tr>', start) + 1) + '</tr>'.length;
    const scenario = '<tr><td><p><b>SCENARIO:</b> ECR-Test</p></td><td></td><td><p><a href="#x">image*</a></p></td><td></td><td></td></tr>';
    const withScenario = (text.slice(0, end) + scenario + text.slice(end)).replace('TagResource" rowspan="2"', 'TagResource" rowspan="3"');
    expect(parse(ECR_2026, withScenario).actions.find((a) => a.name === 'TagResource')).toEqual(tagResource);
  });

  it('knows an empty section from its sentence', () => {
    const noKeys = text.slice(0, text.indexOf('<table', text.indexOf('<h2 id="amazonelasticcontainerregistry-policy-keys"'))) + '<p>ECR has no service-specific context keys.</p></body></html>';
    expect(parse(ECR_2026, noKeys).conditionKeys).toEqual([]);
    expect(parse(ECR_2026, noKeys.replace('has no service-specific', 'Has No Service-Specific')).conditionKeys).toEqual([]); // in any case
    expect(() => parse(ECR_2026, noKeys.replace('has no service-specific', 'has no specific'))).toThrow(/no condition keys table \(truncated page\?\)/);
  });
});

describe('aws-docs-html on bad input', () => {
  const text = fixture(ECR_2026);
  const error = (broken: string) => {
    try {
      parse(ECR_2026, broken);
    } catch (e) {
      return e as InputError;
    }
    throw new Error('no error');
  };

  it('rejects an unknown access level with the line of its row', () => {
    const broken = text.replace(/(SetRepositoryPolicy" tabindex[\s\S]*?)Permissions management/, '$1Permissions mgmt');
    expect(() => parse(ECR_2026, broken)).toThrow(/ecr-2026-06-14\.html:1518: unknown access level "Permissions mgmt" for SetRepositoryPolicy/);
  });

  it('reports a page cut off inside the actions table, at the table', () => {
    const e = error(text.slice(0, text.indexOf('amazonelasticcontainerregistry-UploadLayerPart')));
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toMatch(/:332: table is never closed \(truncated page\?\)/);
  });

  it('reports a page cut off after the actions table', () => {
    const cut = text.slice(0, text.indexOf('</table>') + '</table>'.length);
    expect(error(cut).message).toMatch(/no resource types table \(truncated page\?\)/);
  });

  it('rejects a page that is not a reference page', () => {
    const moved = '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head><title>301 Moved Permanently</title></head><body><h1>Moved Permanently</h1></body></html>\n';
    expect(awsDocsHtml.detect(moved)).toBe(false);
    expect(() => parse('moved.html', moved)).toThrow(/moved\.html:1: not a Service Authorization Reference page/);
  });

  it('rejects a page without an actions table', () => {
    const e = error(text.replace(/<th>\s*Actions\s*<\/th>/, '<th>Operations</th>'));
    expect(e.message).toMatch(/no actions table/);
    expect(e.line).toBeGreaterThan(1);
  });

  it('rejects a row with a wrong number of cells, at its line', () => {
    const broken = text.replace(/(id="amazonelasticcontainerregistry-TagResource"[\s\S]*?<\/tr>\s*<tr>)\s*<td tabindex="-1">\s*<\/td>/, '$1');
    expect(() => parse(ECR_2026, broken)).toThrow(/ecr-2026-06-14\.html:\d+: actions table row of TagResource has 2 cells/);
  });
});

/**
 * Action rows counted in the raw HTML with a plain regex, independently of the parser:
 * inside the table whose first header is "Actions" (up to its </table>), a row that
 * names an action is a <tr> whose first <td> carries the action's id, either on the
 * cell itself (`<td id="ecr-CreateRepository" …>`, current layout) or on an empty
 * anchor first in it (`<td><a id="…">`, older layout). Continuation rows (rowspan) and
 * SCENARIO rows start with a plain <td> and are not counted.
 */
function countActionRows(html: string): number {
  const start = html.search(/<th>\s*Actions\s*<\/th>/);
  if (start < 0) return 0;
  const table = html.slice(start, html.indexOf('</table>', start));
  return (table.match(/<tr>\s*<td(?:\s[^>]*)?\sid="[^"]+"|<tr>\s*<td[^>]*>\s*<a id="/g) ?? []).length;
}

describe.skipIf(!HAS_CORPUS)(`aws-docs-html on the whole corpus (${HAS_CORPUS ? 'present' : NO_CORPUS})`, () => {
  for (const date of ['2025-06-01', '2026-06-14']) {
    it(`parses every page of ${date} and finds every action row`, () => {
      const dir = corpusDir('sar-html', date);
      let actions = 0;
      let expected = 0;
      const notPages: string[] = [];
      const files = readdirSync(dir).filter((f) => f.endsWith('.html'));
      for (const f of files) {
        const text = readFileSync(join(dir, f), 'utf8');
        expected += countActionRows(text);
        // The corpus holds one "301 Moved Permanently" stub (list_awsiot1-click.html):
        // not a reference page, it must be refused with an InputError, not misread.
        if (!/service prefix:/.test(text)) {
          expect(awsDocsHtml.detect(text), f).toBe(false);
          expect(() => awsDocsHtml.parse(text, { file: f }), f).toThrow(InputError);
          notPages.push(f);
          continue;
        }
        expect(awsDocsHtml.detect(text), f).toBe(true);
        const c = awsDocsHtml.parse(text, { file: f });
        expect(c.service.prefix, f).toMatch(/^[a-z0-9-]+$/);
        expect(c.actions.length, f).toBeGreaterThan(0);
        actions += c.actions.length;
      }
      expect(files.length).toBeGreaterThan(400);
      expect(notPages.length).toBeLessThanOrEqual(2);
      expect(actions).toBe(expected);
      expect(actions).toBeGreaterThan(15000);
    });
  }
});
if (!HAS_CORPUS) console.warn(NO_CORPUS);
