import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffCatalogs } from '../../src/diff/diff-catalogs.js';
import type { DiffResult } from '../../src/diff/diff-result.js';
import { loadCatalogFile } from '../../src/io/read-input.js';
import { catalogLookup } from '../../src/review/action-lookup.js';
import { action, catalog } from '../helpers/catalog-builder.js';
import { fixturePath } from '../helpers/paths.js';

const made: string[] = [];

/** A fresh temporary directory, removed by removeTempDirs. */
export function tempDir(prefix = 'iamdiff-review-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Hand-written catalogs: one change of several kinds and severities. */
export function handResult() {
  const before = catalog('ecr', [
    action('DescribeImages', { accessLevel: 'Read', description: 'Returns metadata about the images' }),
    action('DeleteThing', { accessLevel: 'Write', description: 'Deletes a thing', resourceTypes: [{ name: 'repository', required: true }] }),
    action('Gone'),
    action('TagResource', { accessLevel: 'Tagging', conditionKeys: ['aws:RequestTag/${TagKey}'] }),
  ]);
  const after = catalog('ecr', [
    action('DescribeImages', { accessLevel: 'List', description: 'Grants permission to get metadata about the images' }),
    action('DeleteThing', { accessLevel: 'Write', description: 'Deletes a thing \u001b[31mred\u001b[0m', resourceTypes: [] }),
    action('Fresh', { accessLevel: 'Write' }),
    action('TagResource', { accessLevel: 'Tagging', conditionKeys: ['aws:RequestTag/${TagKey}', 'aws:TagKeys'] }),
  ]);
  const result = diffCatalogs('old.yaml', [before], 'new.yaml', [after]);
  return { result, lookup: catalogLookup([before], [after]) };
}

/** A copy of the Policy Sentry ECR page with some changes, in a fresh temporary directory. */
export function modifiedEcrCopy(): { dir: string; oldPath: string; newPath: string } {
  const dir = tempDir();
  const oldPath = join(dir, 'old', 'policy-sentry-ecr.md');
  const newPath = join(dir, 'new', 'policy-sentry-ecr.md');
  for (const p of [oldPath, newPath]) {
    mkdirSync(join(p, '..'), { recursive: true });
    copyFileSync(fixturePath('policy-sentry-ecr.md'), p);
  }
  let text = readFileSync(newPath, 'utf8');
  text = text.replace(
    '- description: Grants permission to get metadata about the images in a repository, including image size, image tags, and creation date\n- access level: Read',
    '- description: Grants permission to describe the images in a repository, including image size and tags\n- access level: List',
  );
  text = text.replace(/### UploadLayerPart\n[\s\S]*?(?=### |$)/, '');
  writeFileSync(newPath, text);
  return { dir, oldPath, newPath };
}

/** The seed fixture diffed against its modified copy. */
export function ecrResult(): { result: DiffResult; lookup: ReturnType<typeof catalogLookup>; paths: ReturnType<typeof modifiedEcrCopy> } {
  const paths = modifiedEcrCopy();
  const o = loadCatalogFile(paths.oldPath, { service: 'ecr' });
  const n = loadCatalogFile(paths.newPath, { service: 'ecr' });
  return { result: diffCatalogs(paths.oldPath, [o], paths.newPath, [n]), lookup: catalogLookup([o], [n]), paths };
}

/** Hand-written catalogs of five services: HIGH in ecr and s3, MEDIUM at most in sqs and newsvc (added), LOW only in kms. */
export function servicesResult() {
  const doc = (name: string) => `https://docs.aws.amazon.com/AmazonS3/latest/API/API_${name}.html`;
  const before = [
    catalog('ecr', [
      action('DescribeImages', { accessLevel: 'Read', description: 'Returns metadata about the images' }),
      action('CreateRepository', { accessLevel: 'Write', resourceTypes: [{ name: 'repository', required: true }] }),
    ]),
    catalog('s3', [
      action('GetObject', { documentationUrl: doc('GetObject'), resourceTypes: [{ name: 'object', required: true }], conditionKeys: ['s3:ExistingObjectTag/${TagKey}', 's3:VersionId'] }),
      action('PutObject', { accessLevel: 'Write', documentationUrl: doc('PutObject') }),
    ]),
    catalog('sqs', [action('SendMessage', { accessLevel: 'Write' })]),
    catalog('kms', [action('Decrypt', { description: 'Decrypts ciphertext' }), action('Encrypt', { description: 'Encrypts plaintext' })]),
  ];
  const after = [
    catalog('ecr', [
      action('DescribeImages', { accessLevel: 'List', description: 'Grants permission to get metadata about the images' }),
      action('CreateRepository', { accessLevel: 'Write', resourceTypes: [] }),
    ]),
    catalog('s3', [
      action('GetObject', { documentationUrl: doc('GetObject'), resourceTypes: [{ name: 'object', required: true }], conditionKeys: ['s3:VersionId', 's3:AccessPointNetworkOrigin'] }),
      action('PutObject', { accessLevel: 'Write', documentationUrl: doc('PutObject'), dependentActions: ['kms:GenerateDataKey'] }),
      action('RenameObject', { accessLevel: 'Write', documentationUrl: doc('RenameObject') }),
    ]),
    catalog('sqs', [action('SendMessage', { accessLevel: 'Write' }), action('ListMessageMoveTasks', { accessLevel: 'List' }), action('StartMessageMoveTask', { accessLevel: 'Write' })]),
    catalog('kms', [action('Decrypt', { description: 'Decrypts a ciphertext' }), action('Encrypt', { description: 'Encrypts a plaintext' })]),
    catalog('newsvc', [action('DoThing')]),
  ];
  const result = diffCatalogs('old', before, 'new', after);
  return { result, lookup: catalogLookup(before, after) };
}
