import { Box, Text } from 'ink';
import { oneLine } from '../text/sanitize.js';
import { usePaint } from './color-context.js';
import { filterWords } from './review-model.js';
import type { ReviewState } from './review-reducer.js';
import { thousands } from '../text/thousands.js';

const KEYS = '↑↓ move  →← open/close  ][ service  }{ group  f filter  / search  space ✓  x export-mark  u undo  e export  ? help  q quit';

/** `showing 3 of 45 · kind action-added · ≥ medium · /Describe (4 matches)`, or '' when nothing filters. */
export function filterLine(s: Pick<ReviewState, 'filter' | 'query' | 'order'>, shown: number, total: number, matches: number): string {
  const parts = filterWords(s.filter);
  const head = parts.length ? [`showing ${thousands(shown)} of ${thousands(total)}`, ...parts] : [];
  if (s.query) head.push(`/${oneLine(s.query)} (${matches} match${matches === 1 ? '' : 'es'}, n/N)`);
  if (s.order !== 'severity') head.push(`order: ${s.order}`);
  return head.join(' · ');
}

/** Two lines: the search prompt, a message or the active filters; then the keys. */
export function Footer({ state, shown, total, matches }: { state: ReviewState; shown: number; total: number; matches: number }) {
  const paint = usePaint();
  let status;
  if (state.mode === 'search') {
    status = (
      <Text wrap="truncate-end">
        <Text bold color={paint('cyan')}>/</Text>
        {oneLine(state.query)}
        <Text inverse> </Text>
        <Text dimColor>{`  ${matches} match${matches === 1 ? '' : 'es'} · Enter keeps it (n/N) · Esc cancels`}</Text>
      </Text>
    );
  } else if (state.message) {
    status = (
      <Text wrap="truncate-middle" color={paint(state.message.error ? 'red' : 'green')}>
        {oneLine(state.message.text)}
      </Text>
    );
  } else {
    const filters = filterLine(state, shown, total, matches);
    const hint = state.focus === 'detail' ? 'detail pane: ↑↓ scroll, Tab back' : '';
    status = (
      <Text wrap="truncate-end">
        <Text color={paint('cyan')}>{filters}</Text>
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
