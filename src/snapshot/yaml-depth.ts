import { InputError } from '../model/errors.js';

/** Deeper than any snapshot (a catalog nests 6 levels) by far. */
export const MAX_YAML_DEPTH = 64;

/**
 * Refuse YAML nested deeper than `max` before the YAML parser (which recurses) sees it: one
 * linear pass counting block indentation levels, `- ` items opened on one line, and flow
 * brackets outside quoted scalars. An estimate that errs on the deep side only for
 * documents no catalog resembles.
 */
export function checkYamlDepth(text: string, file: string, max = MAX_YAML_DEPTH): void {
  const indents: number[] = [];
  let flow = 0;
  let quote = '';
  let lineNo = 0;
  for (let start = 0; start <= text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    lineNo++;
    let i = start;
    if (!quote && flow === 0) {
      while (i < end && text.charCodeAt(i) === 32) i++;
      const indent = i - start;
      if (i < end && text[i] !== '#' && text[i] !== '\r') {
        while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
        indents.push(indent);
      }
    }
    // `- - x`, `a: b: c`, `? ? x`: each block indicator on one line opens a level (the parser recurses on each).
    let inline = 0;
    for (; i < end; i++) {
      const c = text[i]!;
      // Counted inside quotes too: where the parser's error recovery disagrees with this scan, it still errs on the deep side.
      if ((c === '-' || c === ':' || c === '?') && (i + 1 === end || text[i + 1] === ' ' || text[i + 1] === '\t')) inline++;
      if (quote) {
        if (quote === '"' && c === '\\') i++;
        else if (c === quote) quote = '';
      } else if ((c === '"' || c === "'") && (i === start || /[\s[{,:]/.test(text[i - 1]!))) quote = c;
      else if (c === '#' && (i === start || /\s/.test(text[i - 1]!))) break; // a comment
      else if (c === '[' || c === '{') flow++;
      else if ((c === ']' || c === '}') && flow > 0) flow--;
      if (indents.length + inline + flow > max) throw new InputError(file, `YAML nested deeper than ${max} levels`, lineNo);
    }
    if (indents.length + flow > max) throw new InputError(file, `YAML nested deeper than ${max} levels`, lineNo);
    start = end + 1;
  }
}

/**
 * Run the YAML parser without stack traces on the Errors it makes: it makes one per problem
 * (thousands in a broken 1 MB file), and capturing each stack dominated the time. Restored at
 * once; nothing else runs meanwhile.
 */
export function withoutStackTraces<T>(parse: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parse();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
