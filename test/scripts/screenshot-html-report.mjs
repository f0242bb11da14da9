#!/usr/bin/env node
/**
 * The README's picture of the HTML report: the year of AWS (corpus HTML reference
 * 2025-06-01 → 2026-06-14), HIGH only, s3 open. Needs the corpus, `npm run build`
 * and Chromium (apt-get install chromium, or IAMDIFF_CHROMIUM).
 *   node test/scripts/screenshot-html-report.mjs [OUT.png]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = resolve(process.env.IAMDIFF_CORPUS ?? join(root, '..', 'shared', 'corpus'));
const out = resolve(process.argv[2] ?? join(root, 'test', 'screenshots', 'html-report.png'));
const r = spawnSync(process.execPath, [join(root, 'dist', 'src', 'cli.js'), 'diff', join(corpus, 'sar-html', '2025-06-01'), join(corpus, 'sar-html', '2026-06-14'), '--format', 'html'], { encoding: 'utf8', maxBuffer: 1 << 28 });
if (r.status !== 0) throw new Error(r.stderr);
const dir = mkdtempSync(join(tmpdir(), 'iamdiff-shot-'));
const file = join(dir, 'report.html');
writeFileSync(file, r.stdout);
const browser = await chromium.launch({ executablePath: process.env.IAMDIFF_CHROMIUM ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 720 } });
  await page.goto(pathToFileURL(file).href);
  await page.selectOption('#f-severity', 'high');
  await page.evaluate(() => document.querySelector('details.service[data-service="s3"]').setAttribute('open', ''));
  await page.screenshot({ path: out });
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
console.log(`wrote ${out}`);
