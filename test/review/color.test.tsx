import { afterEach, describe, expect, it } from 'vitest';

// Colour has to be on before ink (and chalk) load, so that only the app decides.
process.env.FORCE_COLOR = '1';

/** SGR colour codes (foreground, background, 256 and true colour); bold, dim, inverse and underline are not colour. */
const COLOR_SGR = /\u001b\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m/;

describe('review colours', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => cleanup?.());

  async function app(color: boolean) {
    const { cleanup: c } = await import('ink-testing-library');
    cleanup = c;
    const { renderApp } = await import('./render-helpers.js');
    const { servicesResult } = await import('./review-fixtures.js');
    const { result, lookup } = servicesResult();
    return renderApp({ result, lookup, color, size: { columns: 100, rows: 40 } });
  }

  it('colour severities and the word diff of a description', async () => {
    const a = await app(true);
    await a.press('/', 'Encrypts', '\r');
    expect(a.frame()).toContain('\u001b[32m{+a+}');
    expect(a.frame()).toMatch(/\u001b\[31m[^\u001b]*HIGH/);
    expect(a.frame()).toMatch(COLOR_SGR);
  });

  it('use no colour at all when colour is off (NO_COLOR, --no-color): marks and words still show', async () => {
    const a = await app(false);
    await a.press('/', 'Encrypts', '\r', '?');
    expect(a.frame()).toContain('Keys (? or Esc closes)');
    await a.press('\u001b', 'f');
    expect(a.frame()).toContain('filter ›');
    await a.press('\u001b', 'g', ']', ']', 'l', 'j', 'l');
    const f = a.frame();
    expect(f).toContain('− s3:ExistingObjectTag/${TagKey}');
    expect(f).toContain('+ s3:AccessPointNetworkOrigin');
    expect(f).not.toMatch(COLOR_SGR);
    // the cursor row is still shown (inverse is not colour)
    expect(f).toMatch(/\u001b\[7m/);
  });
});
