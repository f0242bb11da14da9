import { Box, Text, useApp, useStdout } from 'ink';
import { isAbsolute, relative } from 'node:path';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Change } from '../diff/change.js';
import type { DiffResult } from '../diff/diff-result.js';
import type { ActionLookup } from './action-lookup.js';
import { copyToClipboard, openInBrowser } from './url-actions.js';
import { ColorContext } from './color-context.js';
import { detailLines, docUrl } from './detail-lines.js';
import { releaseNotes, writeExport } from './export-notes.js';
import { FilterPicker } from './filter-picker.js';
import { Footer } from './footer.js';
import { Header } from './header.js';
import { HelpOverlay } from './help-overlay.js';
import { computeLayout, MIN_SIZE } from './layout.js';
import { LineView } from './line-view.js';
import { carryMarks, carryMessage, marksToSave } from './mark-carry.js';
import { pickerItems } from './picker-items.js';
import { createReviewModel } from './review-model.js';
import { initialState, reduce, type ReviewCommand, type ReviewState } from './review-reducer.js';
import { memoryStore, type ReviewStore } from './review-state.js';
import { rule } from './style.js';
import { TreePane } from './tree-pane.js';
import { useReviewKeys } from './use-review-keys.js';
import { useTerminalSize, type TerminalSize } from './use-terminal-size.js';
import { createViewCache } from './view-cache.js';

export interface ReviewAppProps {
  result: DiffResult;
  /** Both sides of an action, for the detail pane. */
  lookup?: ActionLookup;
  /** Saved marks (default: kept in memory only). */
  store?: ReviewStore;
  /** Where `e` writes release notes (default: the working directory). */
  exportDir?: string;
  now?: () => Date;
  /** A fixed size instead of the terminal's. */
  size?: TerminalSize;
  /** Colour (default on; off for NO_COLOR and --no-color). */
  color?: boolean;
  /** Opens a URL in a browser (default: the system's opener). */
  openUrl?: (url: string) => Promise<void>;
  /** Writes a terminal control sequence (OSC 52) straight to the terminal. */
  writeRaw?: (data: string) => void;
}

/** The full-screen review: header, the service → action → change tree, detail pane, footer. */
export function ReviewApp({ result, lookup, store: givenStore, exportDir, now = () => new Date(), size: fixedSize, color = true, openUrl = openInBrowser, writeRaw }: ReviewAppProps) {
  const { exit } = useApp();
  const { stdout } = useStdout();
  const size = useTerminalSize(fixedSize);
  const layout = computeLayout(size);
  const model = useMemo(() => createReviewModel(result.changes, lookup), [result, lookup]);
  const view = useMemo(() => createViewCache(model), [model]);
  const store = useMemo(() => givenStore ?? memoryStore(), [givenStore]);
  // Every fingerprint of this run, made when first needed (marks to carry, or to save).
  const currentRef = useRef<{ model: typeof model; set: Set<string> }>(undefined);
  const current = () => {
    if (currentRef.current?.model !== model) currentRef.current = { model, set: new Set(model.fp) };
    return currentRef.current.set;
  };
  const [state, setState] = useState<ReviewState>(() => {
    const carried = carryMarks(store.initial, store.initial ? current() : new Set<string>());
    let s = initialState({ reviewed: carried.reviewed, exported: carried.exported });
    // the cursor where the last run left it
    const at = store.initial?.cursor !== undefined ? model.byFp.get(store.initial.cursor) : undefined;
    const node = at !== undefined ? view(s).tree.byId.get(`c:${at}`) : undefined;
    if (node) s = reduce(s, { type: 'reveal', id: node.id }, { model, view, listPage: 1, detailPage: 1, detailMax: 0 });
    const text = store.warning ?? carryMessage(carried.report);
    return text ? { ...s, message: { text, error: !!store.warning } } : s;
  });
  // The latest state, ahead of React when several keys arrive in one chunk.
  const latest = useRef(state);
  const detailMax = useRef(0);
  const [, setKeys] = useState(0);
  const update = useCallback((next: ReviewState) => {
    latest.current = next;
    setState(next);
  }, []);

  const cursorFp = (s: ReviewState) => {
    const v = view(s);
    const n = v.sel >= 0 ? v.rows[v.sel] : undefined;
    return n ? model.fp[n.items[0]!] : undefined;
  };
  const saveMarks = (s: ReviewState) => store.save(marksToSave(store.initial, current(), { ...s.marks, cursor: cursorFp(s) }));

  useEffect(() => {
    store.onError = (text) => update({ ...latest.current, message: { text, error: true } });
    return () => {
      store.onError = undefined;
      saveMarks(latest.current);
      store.flush();
    };
  }, [store, update]);

  const exportNotes = (s: ReviewState): ReviewState['message'] => {
    const selected = model.all.filter((_, i) => s.marks.exported.has(model.fp[i]!));
    const picked: Change[] = selected.length > 0 ? selected : view(s).tree.leafOrder.map((i) => model.all[i]!);
    if (picked.length === 0) return { text: 'nothing to export', error: true };
    try {
      const path = writeExport(exportDir ?? process.cwd(), releaseNotes(result, picked), now());
      const rel = relative(process.cwd(), path);
      const shownPath = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
      return { text: `exported ${picked.length} ${selected.length > 0 ? 'selected' : 'shown'} change${picked.length === 1 ? '' : 's'} to ${shownPath}` };
    } catch (e) {
      return { text: `export failed: ${(e as Error).message}`, error: true };
    }
  };

  const urlCommand = (s: ReviewState, cmd: 'open-url' | 'copy-url'): ReviewState['message'] => {
    const v = view(s);
    const url = docUrl(v.sel >= 0 ? v.rows[v.sel] : undefined, model);
    if (!url) return { text: 'no documentation URL for this row', error: true };
    if (cmd === 'copy-url') {
      copyToClipboard(url, writeRaw ?? ((d) => stdout.write(d)));
      return { text: `copied ${url} (OSC 52: the terminal must allow clipboard writes)` };
    }
    openUrl(url).catch((e: Error) => update({ ...latest.current, message: { text: `cannot open ${url}: ${e.message}`, error: true } }));
    return { text: `opening ${url}` };
  };

  const run = (cmd: ReviewCommand) => {
    const s = latest.current;
    if (cmd.type === 'quit') {
      saveMarks(s);
      store.flush();
      exit();
      return;
    }
    if (cmd.type === 'export') return update({ ...s, message: exportNotes(s) });
    if (cmd.type === 'open-url' || cmd.type === 'copy-url') return update({ ...s, message: urlCommand(s, cmd.type) });
    const next = reduce(s, cmd, { model, view, listPage: Math.max(1, layout.list.height - 2), detailPage: Math.max(1, layout.detail.height - 1), detailMax: detailMax.current });
    if (next.marks !== s.marks) saveMarks(next);
    if (next !== s) update(next);
  };
  // Every key gives a frame, even one that changes nothing: tests wait for frames, not for time.
  useReviewKeys(() => latest.current, run, () => setKeys((k) => k + 1));

  const v = view(state);
  const node = v.sel >= 0 ? v.rows[v.sel] : undefined;
  const reviewedCount = useMemo(() => (state.marks.reviewed.size ? model.fp.filter((f) => state.marks.reviewed.has(f)).length : 0), [model, state.marks.reviewed]);
  const exportedCount = useMemo(() => (state.marks.exported.size ? model.fp.filter((f) => state.marks.exported.has(f)).length : 0), [model, state.marks.exported]);
  const detailWidth = layout.wide ? layout.detail.width : layout.width;
  const lines = useMemo(
    () => detailLines(node, { model, sides: result, reviewed: state.marks.reviewed, exported: state.marks.exported, query: state.query }, detailWidth),
    [node, model, result, state.marks, state.query, detailWidth],
  );
  detailMax.current = Math.max(0, lines.length - layout.detail.height);

  if (layout.tooSmall) {
    return (
      <Text wrap="wrap">
        terminal too small: iamdiff review needs {MIN_SIZE.columns}×{MIN_SIZE.rows} (now {size.columns}×{size.rows}); q quits
      </Text>
    );
  }
  const scroll = Math.min(state.detailScroll, detailMax.current);
  const more = [scroll > 0 ? '↑' : '', scroll < detailMax.current ? '↓' : ''].join('');
  const detailTitle = `detail${more ? ` ${more} more` : ''}${state.focus === 'detail' ? ' · ↑↓ scroll · Tab back' : detailMax.current > 0 ? ' · Tab to scroll' : ''}`;
  const rowCtx = { model, tree: v.tree, expanded: state.expanded, reviewed: state.marks.reviewed, exported: state.marks.exported, query: state.query, matches: v.matches };
  const tree = <TreePane rows={v.rows} sel={v.sel} ctx={rowCtx} height={layout.list.height} width={layout.list.width} focused={state.focus === 'list'} />;
  const detail = (
    <Box flexDirection="column" flexShrink={0} width={layout.wide ? layout.detail.width + 2 : layout.width} {...(layout.wide ? { borderStyle: 'single' as const, borderTop: false, borderBottom: false, borderRight: false, paddingLeft: 1 } : {})}>
      <Text bold={state.focus === 'detail'} dimColor={state.focus !== 'detail'} wrap="truncate-end">
        {rule(detailTitle, detailWidth)}
      </Text>
      <Box height={layout.detail.height} flexDirection="column" flexShrink={0} overflow="hidden">
        {lines.slice(scroll, scroll + layout.detail.height).map((l, i) => (
          <LineView key={i} line={l} />
        ))}
      </Box>
    </Box>
  );
  let body;
  if (state.mode === 'help') body = <HelpOverlay height={layout.body} width={layout.width} />;
  else if (state.mode === 'picker') body = <FilterPicker items={pickerItems(model, state.filter, state.marks.reviewed)} filter={state.filter} text={state.picker.text} sel={state.picker.sel} height={layout.body} width={layout.width} />;
  else
    body = (
      <Box flexDirection={layout.wide ? 'row' : 'column'} height={layout.body} flexShrink={0}>
        {tree}
        {detail}
      </Box>
    );
  return (
    <ColorContext.Provider value={color}>
      <Box flexDirection="column" width={layout.width} height={layout.height}>
        <Header result={result} model={model} reviewed={reviewedCount} exported={exportedCount} />
        {body}
        <Footer state={state} shown={v.tree.leafOrder.length} total={model.all.length} matches={v.matches.size} />
      </Box>
    </ColorContext.Provider>
  );
}
