import { Box, Text, useApp } from 'ink';
import { relative, isAbsolute } from 'node:path';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Change } from '../diff/change.js';
import type { DiffResult } from '../diff/diff-result.js';
import type { ActionLookup } from './action-lookup.js';
import { ChangeList } from './change-list.js';
import { DetailPane } from './detail-pane.js';
import { releaseNotes, writeExport } from './export-notes.js';
import { Footer } from './footer.js';
import { Header } from './header.js';
import { HelpOverlay } from './help-overlay.js';
import { computeLayout, MIN_SIZE } from './layout.js';
import { buildRows, createReviewModel } from './review-model.js';
import { initialState, reduce, selectedIndex, type ReviewCommand, type ReviewState } from './review-reducer.js';
import { memoryStore, type ReviewStore } from './review-state.js';
import { rule } from './style.js';
import { useReviewKeys } from './use-review-keys.js';
import { useTerminalSize, type TerminalSize } from './use-terminal-size.js';

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
}

/** The full-screen review: header, grouped change list, detail pane, footer. */
export function ReviewApp({ result, lookup, store: givenStore, exportDir, now = () => new Date(), size: fixedSize }: ReviewAppProps) {
  const { exit } = useApp();
  const size = useTerminalSize(fixedSize);
  const layout = computeLayout(size);
  const model = useMemo(() => createReviewModel(result.changes, lookup), [result, lookup]);
  const store = useMemo(() => givenStore ?? memoryStore(), [givenStore]);
  const [state, setState] = useState<ReviewState>(() => ({ ...initialState(new Set(store.initial)), message: store.warning ? { text: store.warning, error: true } : undefined }));
  // The latest state, ahead of React when several keys arrive in one chunk.
  const latest = useRef(state);
  // Lines the detail content overflows its pane by (measured after each render).
  const detailOverflow = useRef(0);
  const [overflow, setOverflow] = useState(0);
  const onOverflow = useCallback((n: number) => {
    detailOverflow.current = n;
    setOverflow(n);
  }, []);
  const update = useCallback((next: ReviewState) => {
    latest.current = next;
    setState(next);
  }, []);

  useEffect(() => {
    store.onError = (text) => update({ ...latest.current, message: { text, error: true } });
    return () => {
      store.onError = undefined;
      store.flush();
    };
  }, [store, update]);

  const exportNotes = (s: ReviewState): ReviewState['message'] => {
    const marked = result.changes.filter((c) => s.reviewed.has(model.keyOf(c)));
    const picked: Change[] = marked.length > 0 ? marked : model.shown(s.filter, s.reviewed);
    if (picked.length === 0) return { text: 'nothing to export', error: true };
    try {
      const path = writeExport(exportDir ?? process.cwd(), releaseNotes(result, picked), now());
      const rel = relative(process.cwd(), path);
      const shownPath = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
      return { text: `exported ${picked.length} ${marked.length > 0 ? 'marked' : 'shown'} change${picked.length === 1 ? '' : 's'} to ${shownPath}` };
    } catch (e) {
      return { text: `export failed: ${(e as Error).message}`, error: true };
    }
  };

  const run = (cmd: ReviewCommand) => {
    const s = latest.current;
    if (cmd.type === 'quit') {
      store.flush();
      exit();
      return;
    }
    if (cmd.type === 'export') return update({ ...s, message: exportNotes(s) });
    const next = reduce(s, cmd, { model, listPage: Math.max(1, layout.list.height - 1), detailPage: Math.max(1, layout.detail.height - 1), detailMax: detailOverflow.current });
    if (next.reviewed !== s.reviewed) store.save(next.reviewed);
    if (next !== s) update(next);
  };
  useReviewKeys(() => latest.current, run);

  const shown = model.shown(state.filter, state.reviewed);
  const { rows, rowOf } = useMemo(() => buildRows(shown), [shown]);
  const reviewedCount = useMemo(() => model.all.filter((c) => state.reviewed.has(model.keyOf(c))).length, [model, state.reviewed]);
  const sel = selectedIndex(state, shown);
  const selected = sel >= 0 ? shown[sel] : undefined;

  if (layout.tooSmall) {
    return (
      <Text wrap="wrap">
        terminal too small: iamdiff review needs {MIN_SIZE.columns}×{MIN_SIZE.rows} (now {size.columns}×{size.rows}); q quits
      </Text>
    );
  }
  const scroll = Math.min(state.detailScroll, overflow);
  const more = [scroll > 0 ? '↑' : '', scroll < overflow ? '↓' : ''].join('');
  const detailTitle = `${sel + 1}/${shown.length} · detail${more ? ` ${more} more` : ''}${state.focus === 'detail' ? ' · ↑↓ scroll · Tab back' : overflow > 0 ? ' · Tab to scroll' : ''}`;
  const list = (
    <ChangeList rows={rows} rowOf={rowOf} selected={sel} height={layout.list.height} width={layout.list.width} focused={state.focus === 'list'} isReviewed={(c) => state.reviewed.has(model.keyOf(c))} />
  );
  const detail = (
    <Box flexDirection="column" flexShrink={0} width={layout.wide ? layout.detail.width + 2 : layout.width} {...(layout.wide ? { borderStyle: 'single' as const, borderTop: false, borderBottom: false, borderRight: false, paddingLeft: 1 } : {})}>
      <Text bold={state.focus === 'detail'} dimColor={state.focus !== 'detail'} wrap="truncate-end">
        {rule(detailTitle, layout.wide ? layout.detail.width : layout.width)}
      </Text>
      <DetailPane change={selected} lookup={lookup} sides={result} height={layout.detail.height} width={layout.detail.width} scroll={scroll} onOverflow={onOverflow} />
    </Box>
  );
  return (
    <Box flexDirection="column" width={layout.width} height={layout.height}>
      <Header result={result} all={model.all} reviewed={reviewedCount} />
      {state.overlay === 'help' ? (
        <HelpOverlay height={layout.body} width={layout.width} />
      ) : (
        <Box flexDirection={layout.wide ? 'row' : 'column'} height={layout.body} flexShrink={0}>
          {list}
          {detail}
        </Box>
      )}
      <Footer state={state} shown={shown.length} total={model.all.length} />
    </Box>
  );
}
