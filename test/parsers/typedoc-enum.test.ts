import { describe, expect, it, beforeEach } from 'vitest';
import { boxTable } from '../../parsers/box-table.js';
import { readTypedocPage } from '../../parsers/common/typedoc-members.js';
import { joinAtCut, typedocVocabulary, unwrapTypedoc, type CutJoin } from '../../parsers/common/typedoc-wrap.js';
import { detectParser } from '../../parsers/index.js';
import { policySentryMd } from '../../parsers/policy-sentry-md.js';
import { typedocEnum } from '../../parsers/typedoc-enum.js';
import { fixture } from '../helpers/paths.js';

const file = 'typedoc-AwsEcrActions.md';
const text = fixture(file);
const lines = text.split('\n');
const parse = (t = text) => typedocEnum.parse(t, { file });
const lineOf = (s: string) => lines.findIndex((l) => l.includes(s)) + 1;

describe('typedoc-enum parser on the seed', () => {
  // parsed afresh in each test (not once when the file loads): mutation testing sees each test read it
  let catalog!: ReturnType<typeof parse>;
  beforeEach(() => {
    catalog = parse();
  });
  const action = (name: string) => catalog.actions.find((a) => a.name === name)!;

  it('is detected from content, and only there', () => {
    expect(typedocEnum.detect(text)).toBe(true);
    expect(detectParser(text)?.id).toBe('typedoc-enum');
    for (const other of ['aws-docs-ecr.md', 'policy-sentry-ecr.md', 'box-table-ecr.txt', 'managed-policies-ecr.md']) {
      expect(typedocEnum.detect(fixture(other))).toBe(false);
    }
  });

  it('has the 48 members, the service and the extraction date', () => {
    expect(catalog.actions).toHaveLength(48);
    expect(catalog.service).toEqual({ prefix: 'ecr', name: 'Amazon Elastic Container Registry' });
    expect(catalog.source).toEqual({ format: 'typedoc-enum', file, date: '2024-02-12T09:57:07.158Z' });
  });

  it('rejoins words cut at 79 columns and lines that ended at a space', () => {
    expect(action('BatchCheckLayerAvailability').description).toBe(
      'Grants permission to check the availability of multiple image layers in a specified registry and repository',
    );
    expect(action('PutImage').description).toBe('Grants permission to create or update the image manifest associated with an image');
    expect(action('BatchImportUpstreamImage').description).toBe(
      'Grants permission to retrieve the image from the upstream registry and import it to your private registry',
    );
    expect(action('GetAuthorizationToken').description).toBe('Grants permission to retrieve a token that is valid for a specified registry for 12 hours');
    expect(action('DescribeImageReplicationStatus').description).toBe(
      'Grants permission to retrieve replication status about an image in a registry, including failure reason if replication fails',
    );
    // one full 79-character line with nothing after it
    expect(action('InitiateLayerUpload').description).toBe('Grants permission to notify Amazon ECR that you intend to upload an image layer');
  });

  it('gives the same descriptions as the Policy Sentry page for every action both have', () => {
    const ps = policySentryMd.parse(fixture('policy-sentry-ecr.md'), { file: 'policy-sentry-ecr.md' });
    const shared = ps.actions.filter((a) => catalog.actions.some((t) => t.name === a.name));
    expect(shared).toHaveLength(ps.actions.length);
    expect(shared).toHaveLength(29);
    const differing = shared.filter((a) => action(a.name).description !== a.description).map((a) => a.name);
    expect(differing).toEqual([]);
  });

  it('gives the same descriptions as the box table (wrapped by words there) for every action both have', () => {
    const box = boxTable.parse(fixture('box-table-ecr.txt'), { file: 'box-table-ecr.txt', service: 'ecr' });
    const shared = box.actions.filter((a) => !a.truncated);
    expect(shared).toHaveLength(42);
    for (const a of shared) expect(action(a.name).description, a.name).toBe(a.description);
  });

  it('reads the documentation links', () => {
    expect(action('DescribeImages').documentationUrl).toBe('https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_DescribeImages.html');
    expect(action('ReplicateImage').documentationUrl).toBe('https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry-permissions.html');
    expect(catalog.actions.every((a) => a.documentationUrl?.startsWith('https://docs.aws.amazon.com/'))).toBe(true);
  });

  it('carries names, descriptions and links only: the other fields stay absent', () => {
    expect(catalog.carries).toEqual(['actions', 'description', 'documentationUrl']);
    for (const a of catalog.actions) {
      expect(Object.keys(a).sort(), a.name).toEqual(['description', 'documentationUrl', 'line', 'name']);
      expect(a.accessLevel).toBeUndefined();
    }
    expect(catalog.resourceTypes).toBeUndefined();
  });

  it('records the line of each member', () => {
    expect(action('BatchCheckLayerAvailability').line).toBe(lineOf('• **BatchCheckLayerAvailability**'));
    for (const a of catalog.actions) expect(lines[a.line! - 1]!.startsWith(`• **${a.name}** = `), a.name).toBe(true);
  });

  it('needs the vocabulary for no cut of the seed: every cut there splits a word', () => {
    const { members } = readTypedocPage(lines, file);
    const vocabulary = typedocVocabulary(
      members.map((m) => m.description),
      members.map((m) => m.name),
    );
    const cuts: [string, CutJoin][] = [];
    for (const m of members) unwrapTypedoc(m.description, vocabulary, (prev, next, how) => cuts.push([`${prev.slice(-6)}|${next.slice(0, 6)}`, how]));
    expect(cuts).toHaveLength(11);
    expect(cuts.filter(([, how]) => how !== 'word')).toEqual([]);
  });
});

describe('joining at a 79-column cut', () => {
  const vocabulary = typedocVocabulary([['Grants permission to describe the region of the specified account, in or into it']], ['GetRegionInfo']);
  const full = (tail: string) => 'x'.repeat(79 - tail.length) + tail;

  it('joins a word cut in two (the default)', () => {
    expect(joinAtCut(full(' spec'), 'ified account', vocabulary)).toBe('word');
    expect(unwrapTypedoc([full(' spec'), 'ified account'], vocabulary)).toBe(`${full(' spec')}ified account`);
    expect(joinAtCut(full(' unkn'), 'own', vocabulary)).toBe('word');
  });

  it('inserts a space when both halves are words of the document but the joined token is not', () => {
    expect(joinAtCut(full(' the'), 'region', vocabulary)).toBe('vocabulary-space');
    expect(unwrapTypedoc([full(' the'), 'region'], vocabulary)).toBe(`${full(' the')} region`);
  });

  it('joins when the joined token is a word too, even if both halves are', () => {
    expect(joinAtCut(full(' in'), 'to it', vocabulary)).toBe('vocabulary-word');
    expect(unwrapTypedoc([full(' in'), 'to it'], vocabulary)).toBe(`${full(' in')}to it`);
  });

  it('takes words from member names as well', () => {
    expect(vocabulary.has('info')).toBe(true);
    expect(joinAtCut(full(' region'), 'info', vocabulary)).toBe('vocabulary-space');
  });

  it('inserts a space after punctuation cut from the next word, and keeps a space left at the start', () => {
    expect(unwrapTypedoc([full(' registry,'), 'including'], vocabulary)).toBe(`${full(' registry,')} including`);
    expect(unwrapTypedoc([full(' pull-'), 'through'], vocabulary)).toBe(`${full(' pull-')}through`);
    expect(unwrapTypedoc([full(' the'), ' region'], vocabulary)).toBe(`${full(' the')} region`);
  });

  it('joins a shorter line with one space (its trailing space was trimmed)', () => {
    expect(unwrapTypedoc(['Grants permission to describe', 'the region'], vocabulary)).toBe('Grants permission to describe the region');
  });

  it('does not learn the halves of a cut word', () => {
    const v = typedocVocabulary([[full(' the spe'), 'cified thing']]);
    expect(v.has('spe')).toBe(false);
    expect(v.has('cified')).toBe(false);
    expect(v.has('the')).toBe(true);
  });
});

describe('typedoc-enum parser on bad input', () => {
  it('rejects a malformed member line with its line', () => {
    const bad = text.replace('• **DescribeImages** = ``"ecr:DescribeImages"``', '• **DescribeImages** = ecr:DescribeImages');
    expect(() => parse(bad)).toThrow(`${file}:${lineOf('• **DescribeImages**')}: member line is not`);
  });

  it('reports a file cut inside the last member', () => {
    const member = lineOf('• **ValidatePullThroughCacheRule**');
    for (const cutBefore of ['Grants permission to validate the pull-through cache rule', 'See https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_ValidatePull', '#### Defined in\n\nactions/ecr.ts:311']) {
      const cut = text.slice(0, text.indexOf(cutBefore));
      expect(() => parse(cut), cutBefore).toThrow(`${file}:${member}: member ValidatePullThroughCacheRule is cut short (truncated file?)`);
    }
  });

  it('reports a file cut right after a heading or between members', () => {
    const heading = lineOf('### ValidatePullThroughCacheRule');
    const afterHeading = text.slice(0, text.indexOf('• **ValidatePullThroughCacheRule**'));
    expect(() => parse(afterHeading)).toThrow(`${file}:${heading}: heading ValidatePullThroughCacheRule has no member line under it (truncated file?)`);
    const betweenMembers = text.slice(0, text.indexOf('### UpdatePullThroughCacheRule'));
    expect(() => parse(betweenMembers)).toThrow(
      `${file}:${lineOf('- [UpdatePullThroughCacheRule]')}: the contents list UpdatePullThroughCacheRule but the page has no such member (truncated file?)`,
    );
  });

  it('rejects a member of another service with its line', () => {
    const bad = text.replace('"ecr:PutImage"', '"ecr-public:PutImage"');
    expect(() => parse(bad)).toThrow(`${file}:${lineOf('• **PutImage**')}: member PutImage is in service ecr-public, the others in ecr`);
  });

  it('rejects a member under the wrong heading, standing for another action, or listed twice', () => {
    const wrongHeading = text.replace('### PutImage\n', '### PutImages\n');
    expect(() => parse(wrongHeading)).toThrow(`${file}:${lineOf('• **PutImage**')}: member PutImage sits under the heading PutImages`);
    const otherAction = text.replace('"ecr:ListImages"', '"ecr:PutImage"');
    expect(() => parse(otherAction)).toThrow(`${file}:${lineOf('• **ListImages**')}: member ListImages stands for a different action (ecr:PutImage)`);
    const twice = text.replaceAll('ListImages', 'PutImage');
    expect(() => parse(twice)).toThrow(`${file}:${lineOf('• **PutImage**')}: action PutImage is listed twice (first at line ${lineOf('• **ListImages**')})`);
  });

  it('rejects a second description paragraph', () => {
    const bad = text.replace('Grants permission to describe the registry settings\n', 'Grants permission to describe the registry settings\n\nMore text\n');
    expect(() => parse(bad)).toThrow(`${file}:${lineOf('Grants permission to describe the registry settings') + 2}: second paragraph in the description of DescribeRegistry`);
  });
});
