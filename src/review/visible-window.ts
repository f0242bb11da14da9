/**
 * First row of a list window of `height` rows that shows row `selected`, scrolling
 * as little as possible from `prevTop`; a group header just above the selection is kept in view.
 */
export function windowTop(prevTop: number, selected: number, height: number, total: number, headerAbove = false): number {
  if (height <= 0 || total <= height) return 0;
  let top = Math.min(prevTop, total - height);
  const want = headerAbove ? selected - 1 : selected;
  if (want < top) top = Math.max(0, want);
  if (selected >= top + height) top = selected - height + 1;
  return Math.max(0, Math.min(top, total - height));
}
