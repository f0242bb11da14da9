/**
 * A copy of `s` that does not keep the text it was cut from alive. V8 makes a substring of
 * 13 characters or more a view into its parent: a name sliced out of an 80 KB page would
 * keep the page in memory for as long as the catalog lives (122 MB for two versions of the
 * reference). Slicing a string just built by concatenation flattens that new string first,
 * so the result points into it, not into the page.
 */
export function ownString(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
