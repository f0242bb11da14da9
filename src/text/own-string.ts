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

/** Strings sharedString has handed out, each its own key. */
const shared = new Map<string, string>();
/** Bounds on what is shared: a hostile cell of a million distinct keys must not grow the map without end. */
const MAX_SHARED = 50_000;
const MAX_SHARED_LENGTH = 256;

/**
 * One copy of each short repeated string (condition keys, resource names, dependent actions):
 * the 87 000 list items of two versions of the reference are 4 000 distinct strings. The copy
 * kept is an ownString, so it holds no page alive either; the repeats die young, which the
 * garbage collector does not pay for.
 */
export function sharedString(s: string): string {
  if (s.length > MAX_SHARED_LENGTH) return ownString(s);
  let own = shared.get(s);
  if (own === undefined) {
    if (shared.size >= MAX_SHARED) shared.clear();
    own = ownString(s);
    shared.set(own, own);
  }
  return own;
}
