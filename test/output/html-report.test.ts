import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { diffCatalogs } from '../../src/diff/diff-catalogs.js';
import { renderHtml } from '../../src/output/html-report.js';
import { CHROMIUM, HAS_CHROMIUM, launchChromium, NO_CHROMIUM } from '../helpers/browser.js';
import { action, catalog } from '../helpers/catalog-builder.js';
import { removeTempDirs, servicesResult, tempDir } from '../review/review-fixtures.js';
import { runCli } from '../helpers/run-cli.js';

const hostile = 'Deletes </li></ul><script>window.pwned=1</script><img src=x onerror="window.pwned=2"> \u001b[31mred\u001b[0m';

/** The five-service fixture plus a service whose description tries to inject HTML. */
function report(): string {
  const { result } = servicesResult();
  const evil = diffCatalogs('old', [catalog('evil', [action('Thing', { description: 'Deletes a thing' })])], 'new', [catalog('evil', [action('Thing', { description: hostile })])]);
  return renderHtml({ ...result, changes: [...result.changes, ...evil.changes], new: { ...result.new, services: [...result.new.services, 'evil'] }, old: { ...result.old, services: [...result.old.services, 'evil'] } });
}

describe('HTML report: one file, no network', () => {
  const html = report();

  it('loads nothing from anywhere: inline style and script only, allowed by a CSP with the script hash', () => {
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(html).not.toMatch(/<(?:script|img|link|iframe)[^>]+(?:src|href)=/i);
    expect(html).not.toMatch(/@import|url\(/);
  });

  it('escapes document text: no tag, attribute or control sequence gets through', () => {
    expect(html).not.toContain('<script>window.pwned');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;window.pwned=1&lt;/script&gt;');
    expect(html).not.toMatch(/\u001b/);
  });

  it('is what diff --format html writes', () => {
    const r = runCli(['diff', 'snapshots/ecr/policy-sentry-ecr.policy-sentry-md.yaml', 'snapshots/ecr/2022-11-10.box-table.yaml', '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<!doctype html>/);
    expect(r.stdout).toContain('<details class="service" data-service="ecr" open>');
  });
});

describe.skipIf(!HAS_CHROMIUM)(`HTML report in a headless browser (${HAS_CHROMIUM ? CHROMIUM : NO_CHROMIUM})`, () => {
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    const file = join(tempDir('iamdiff-html-'), 'report.html');
    writeFileSync(file, report());
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(pathToFileURL(file).href);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    removeTempDirs();
  });

  const status = () => page.textContent('#status');
  const visibleChanges = () => page.$$eval('li.change', (els) => els.filter((e) => !(e as HTMLElement).hidden && (e as HTMLElement).offsetParent !== null).map((e) => e.textContent));
  const visibleServices = () => page.$$eval('details.service', (els) => els.filter((e) => !(e as HTMLElement).hidden).map((e) => e.getAttribute('data-service')));

  it('opens with its script running (the CSP hash matches), no request but the file, nothing injected', async () => {
    expect(await status()).toBe('Showing 13 changes in 6 services.');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatch(/^file:\/\//);
    expect(problems).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    // the same tree: services most severe first, with counts and the highest severity
    expect(await visibleServices()).toEqual(['ecr', 's3', 'sqs', 'newsvc', 'kms', 'evil']);
    expect(await page.textContent('details.service[data-service="s3"] > summary')).toBe('highs34 changes1 high, 2 medium, 1 low');
  });

  it('filters by service, severity and kind, and searches, recounting every node', async () => {
    await page.selectOption('#f-service', 's3');
    expect(await status()).toBe('Showing 4 of 13 changes in 1 service.');
    expect(await visibleServices()).toEqual(['s3']);
    expect((await visibleChanges()).length).toBe(4);
    await page.selectOption('#f-severity', 'high');
    expect(await status()).toBe('Showing 1 of 13 changes in 1 service.');
    // the change, then its rule ID and fingerprint (issue #14)
    expect(await visibleChanges()).toEqual([expect.stringMatching(/^highcondition-key-removed - s3:ExistingObjectTag\/\$\{TagKey\} condition-key-removed [0-9a-f]{12}$/)]);
    expect(await page.textContent('details.service[data-service="s3"] > summary .n')).toBe('1 of 4 changes');
    await page.click('#f-clear');
    await page.selectOption('#f-kind', 'action-added');
    expect(await status()).toBe('Showing 3 of 13 changes in 2 services.');
    expect(await visibleServices()).toEqual(['s3', 'sqs']);
    await page.click('#f-clear');
    await page.fill('#f-search', 'kms:generate');
    expect(await status()).toBe('Showing 1 of 13 changes in 1 service.');
    expect(await visibleChanges()).toEqual([expect.stringMatching(/^mediumdependent-action-added \+ kms:GenerateDataKey dependent-action-added [0-9a-f]{12}$/)]);
    // the hostile description is text, shown as such
    await page.fill('#f-search', 'window.pwned');
    expect(await status()).toBe('Showing 1 of 13 changes in 1 service.');
    expect((await visibleChanges())[0]).toContain('<script>window.pwned=1</script>');
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await page.click('#f-clear');
    expect(await status()).toBe('Showing 13 changes in 6 services.');
    expect(problems).toEqual([]);
  });
});
