import { Box, Text } from 'ink';
import { oneLine } from '../text/sanitize.js';
import type { ListFilter } from './review-model.js';
import type { ReviewState } from './review-reducer.js';

const KEYS = '↑↓/jk move  Tab pane  / search  f kind  s severity  space ✓  u unreviewed  e export  ? help  q quit';

/** `showing 3 of 45 · kind action-added · ≥ medium · unreviewed only · /Describe`, or '' when nothing filters. */
export function filterLine(filter: ListFilter, shown: number, total: number): string {
  const parts = [
    filter.kind !== 'all' ? `kind ${filter.kind}` : '',
    filter.minSeverity !== 'low' ? `≥ ${filter.minSeverity}` : '',
    filter.unreviewedOnly ? 'unreviewed only' : '',
    filter.query ? `/${oneLine(filter.query)}` : '',
  ].filter(Boolean);
  return parts.length ? [`showing ${shown} of ${total}`, ...parts].join(' · ') : '';
}

/** Two lines: the search prompt, a message or the active filters; then the keys. */
export function Footer({ state, shown, total }: { state: ReviewState; shown: number; total: number }) {
  let status;
  if (state.overlay === 'search') {
    status = (
      <Text wrap="truncate-end">
        <Text bold color="cyan">/</Text>
        {oneLine(state.filter.query)}
        <Text inverse> </Text>
        <Text dimColor>{`  ${shown} of ${total} · Enter keeps the filter · Esc clears`}</Text>
      </Text>
    );
  } else if (state.message) {
    status = (
      <Text wrap="truncate-middle" color={state.message.error ? 'red' : 'green'}>
        {oneLine(state.message.text)}
      </Text>
    );
  } else {
    const filters = filterLine(state.filter, shown, total);
    const hint = state.focus === 'detail' ? 'detail pane: ↑↓ scroll, Tab back' : '';
    status = (
      <Text wrap="truncate-end">
        <Text color="cyan">{filters}</Text>
        <Text dimColor>{filters && hint ? ` · ${hint}` : hint || (filters ? '' : ' ')}</Text>
      </Text>
    );
  }
  return (
    <Box flexDirection="column" flexShrink={0}>
      {status}
      <Text dimColor wrap="truncate-end">
        {KEYS}
      </Text>
    </Box>
  );
}
