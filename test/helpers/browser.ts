import { existsSync } from 'node:fs';

/** Debian's chromium (apt-get install chromium), or IAMDIFF_CHROMIUM. */
export const CHROMIUM = process.env.IAMDIFF_CHROMIUM ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const NO_CHROMIUM = `no Chromium at ${CHROMIUM} (apt-get install chromium, or set IAMDIFF_CHROMIUM): skipped`;

/** A headless Chromium with no network of its own (playwright-core drives it). */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}
