import { styleText } from 'node:util';

type Style = Parameters<typeof styleText>[0];

/** Styling that is a no-op when colour is off. */
export interface Painter {
  enabled: boolean;
  paint(style: Style, text: string): string;
}

/**
 * Colour is decided once, by wantColor: styleText must not check process.stdout again (it strips
 * styles when stdout is not a terminal, so `--color always | less -R` lost all but some colours).
 */
export function painter(enabled: boolean): Painter {
  return { enabled, paint: (style, text) => (enabled && text ? styleText(style, text, { validateStream: false }) : text) };
}

/** Colour only on a terminal, never with NO_COLOR or --no-color; --color forces it. */
export function wantColor(flag: boolean | undefined, isTTY: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return !!isTTY;
}
