import { describe, expect, it, beforeEach } from 'vitest';
import { awsDocsMd } from '../../parsers/aws-docs-md.js';
import { detectParser } from '../../parsers/index.js';
import { fixture } from '../helpers/paths.js';

const file = 'aws-docs-ecr.md';
const text = fixture(file);
const parse = (t = text) => awsDocsMd.parse(t, { file });

describe('aws-docs-md parser on the seed', () => {
  // parsed afresh in each test (not once when the file loads): mutation testing sees each test read it
  let catalog!: ReturnType<typeof parse>;
  beforeEach(() => {
    catalog = parse();
  });
  const action = (name: string) => catalog.actions.find((a) => a.name === name)!;

  it('is detected from content, and only there', () => {
    expect(detectParser(text)?.id).toBe('aws-docs-md');
    for (const other of ['policy-sentry-ecr.md', 'box-table-ecr.txt', 'typedoc-AwsEcrActions.md', 'managed-policies-ecr.md']) expect(awsDocsMd.detect(fixture(other))).toBe(false);
  });

  it('takes the prefix as identity and the old service name from the title', () => {
    expect(catalog.service).toEqual({ prefix: 'ecr', name: 'Amazon EC2 Container Registry' });
    expect(catalog.source.date).toBeUndefined();
  });

  it('reads the 17 actions with names taken from link URLs', () => {
    expect(catalog.actions).toHaveLength(17);
    expect(action('DescribeImages')).toMatchObject({
      accessLevel: 'Read',
      description: 'Returns metadata about the images in a repository, including image size, image tags, and creation date.',
      documentationUrl: 'http://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_DescribeImages.html',
      line: 31,
    });
  });

  it('reads access levels as the old page had them', () => {
    expect(action('SetRepositoryPolicy').accessLevel).toBe('Write');
    expect(action('DeleteRepositoryPolicy').accessLevel).toBe('Write');
    expect(action('DescribeRepositories').accessLevel).toBe('List');
  });

  it('reads the * required marker and known-empty resource lists', () => {
    expect(action('DescribeRepositories').resourceTypes).toEqual([{ name: 'repository', required: false, conditionKeys: [], dependentActions: [] }]);
    expect(action('ListImages').resourceTypes).toEqual([{ name: 'repository', required: true, conditionKeys: [], dependentActions: [] }]);
    expect(action('CreateRepository').resourceTypes).toEqual([]);
  });

  it('names the resource type hidden behind a URL and unescapes its ARN', () => {
    expect(catalog.resourceTypes).toEqual([{ name: 'repository', arnPattern: 'arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}', conditionKeys: [] }]);
  });

  it('knows the service has no condition keys (known-empty, not unknown)', () => {
    expect(catalog.conditionKeys).toEqual([]);
    expect(catalog.carries).toContain('serviceConditionKeys');
  });
});

const handWritten = `# Actions, resources, and condition keys for Example Service<a name="list_example"></a>

Example Service \\(service prefix: \`example\`\\) provides the following service\\-specific resources\\.

## Actions defined by Example Service<a name="example-actions-as-permissions"></a>

| Actions | Description | Access level | Resource types \\(\\*required\\) | Condition keys | Dependent actions | 
| --- | --- | --- | --- | --- | --- | 
|   [ CreateWidget ](https://example.com/API_CreateWidget.html)  | Grants permission to create a widget\\. | Write |   [ widget\\* ](#example-widget)   |   [ example:Color ](#example-example_Color)   |  | 
|  |  |  |  |   [ aws:RequestTag/$\\{TagKey\\} ](#example-aws_RequestTag___TagKey_)   [ aws:TagKeys ](#example-aws_TagKeys)   |   iam:PassRole   | 
|   ListWidgets \\[permission only\\]  | Grants permission to list widgets | List |  |  |  | 

## Resource types defined by Example Service<a name="example-resources-for-iam-policies"></a>

| Resource types | ARN | Condition keys | 
| --- | --- | --- | 
|   [ widget ](https://example.com/widgets.html)  |  arn:$\\{Partition\\}:example:$\\{Region\\}:$\\{Account\\}:widget/$\\{WidgetId\\}  |   [ aws:ResourceTag/$\\{TagKey\\} ](#example-aws_ResourceTag___TagKey_)   | 

## Condition keys for Example Service<a name="example-policy-keys"></a>

| Condition keys | Description | Type | 
| --- | --- | --- | 
|   [ example:Color ](https://example.com/keys.html)  | Filters access by the colour of the widget | String | 
`;

describe('aws-docs-md parser on a hand-written page', () => {
  const c = awsDocsMd.parse(handWritten, { file: 'example.md' });

  it('merges a continuation row into its action: keys on a row without a resource go to the action', () => {
    expect(c.actions.find((a) => a.name === 'CreateWidget')).toMatchObject({
      resourceTypes: [{ name: 'widget', required: true, conditionKeys: ['example:Color'], dependentActions: [] }],
      conditionKeys: ['aws:RequestTag/${TagKey}', 'aws:TagKeys'],
      dependentActions: ['iam:PassRole'],
      documentationUrl: 'https://example.com/API_CreateWidget.html',
    });
  });

  it('takes the resource types of continuation rows, each with the keys of its own row', () => {
    const two = handWritten.replace(
      '|  |  |  |  |   [ aws:RequestTag',
      '|  |  |  |   [ gadget ](#example-gadget)   |   [ example:Size ](#example-example_Size)   |   example:Helper   | \n|  |  |  |  |   [ aws:RequestTag',
    ).replace('| Filters access by the colour of the widget | String | ', '| Filters access by the colour of the widget | String | \n|   [ example:Size ](https://example.com/keys.html)  | Filters access by size | Numeric | ');
    expect(awsDocsMd.parse(two, { file: 'example.md' }).actions.find((a) => a.name === 'CreateWidget')!.resourceTypes).toEqual([
      { name: 'gadget', required: false, conditionKeys: ['example:Size'], dependentActions: ['example:Helper'] },
      { name: 'widget', required: true, conditionKeys: ['example:Color'], dependentActions: [] },
    ]);
  });

  it('reads plain names marked [permission only], and the key and resource tables', () => {
    expect(c.actions.map((a) => a.name)).toEqual(['CreateWidget', 'ListWidgets']);
    expect(c.resourceTypes).toEqual([{ name: 'widget', arnPattern: 'arn:${Partition}:example:${Region}:${Account}:widget/${WidgetId}', conditionKeys: ['aws:ResourceTag/${TagKey}'] }]);
    expect(c.conditionKeys).toEqual([{ name: 'example:Color', description: 'Filters access by the colour of the widget', type: 'String' }]);
  });

  it('carries no action facts when the actions table was replaced by a link', () => {
    const linked = handWritten.replace(/\| Actions \|[\s\S]*?\n\n/, '[\\[See the AWS documentation website for more details\\]](http://docs.aws.amazon.com/IAM/latest/UserGuide/list_example.html)\n\n');
    const p = awsDocsMd.parse(linked, { file: 'example.md' });
    expect(p.actions).toEqual([]);
    expect(p.carries).toEqual(['serviceConditionKeys', 'serviceResourceTypes']);
  });
});

describe('aws-docs-md parser on bad input', () => {
  it('rejects an unknown access level with its line', () => {
    expect(() => parse(text.replace('| List | [repository\\*]', '| Lisst | [repository\\*]'))).toThrow(/aws-docs-ecr\.md:37: unknown access level "Lisst" for ListImages/);
  });

  it('reports a truncated table row', () => {
    const cut = text.slice(0, text.indexOf('| Read | [repository\\*](#amazonec2containerregistry-repository)', text.indexOf('API_GetRepositoryPolicy')));
    expect(() => parse(cut)).toThrow(/aws-docs-ecr\.md:35: table row has 2 of 6 cells \(truncated table\?\)/);
  });
});
