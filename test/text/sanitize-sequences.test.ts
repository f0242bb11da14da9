import { describe, expect, it } from 'vitest';
import { oneLine, stripControl } from '../../src/text/sanitize.js';

describe('the sanitizer removes whole control sequences, their parameters included', () => {
  it('OSC 0 (window title) and OSC 52 (clipboard), ended by BEL or ST', () => {
    expect(stripControl('a\u001b]0;pwned\u0007b')).toBe('ab');
    expect(stripControl('a\u001b]52;c;cHduZWQ=\u001b\\b')).toBe('ab');
  });
  it('CSI sequences (clear screen, colours) and lone C0/C1 controls', () => {
    expect(stripControl('\u001b[2Jx\u001b[31my\u0007\u0008\u009b')).toBe('xy');
    expect(oneLine(' a\tb\nc ')).toBe('a b c');
  });
});
