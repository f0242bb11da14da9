import { Box, Text } from 'ink';
import { usePaint } from './color-context.js';

export const HELP_KEYS: Array<[string, string]> = [
  ['↑ ↓  j k', 'move (in the detail pane: scroll)'],
  ['PgUp PgDn  g G', 'a page up or down, top, bottom'],
  ['→ l  ← h  Enter', 'open a node or go in; close it or go up; Enter toggles'],
  ['+  -', 'open every service, close every service'],
  ['] [', 'next, previous service'],
  ['} {', 'next, previous group (severity or kind)'],
  ['s', 'order: by severity, by service, by kind'],
  ['f  F', 'filter picker (service, kind, severity, reviewed); clear filters'],
  ['/  n N', 'search names and descriptions; next, previous match'],
  ['space', 'mark the row reviewed (a node: all below it) and go on'],
  ['A', 'mark everything the filters show reviewed (again: unmark)'],
  ['x  X', 'select the row, or all shown, for export'],
  ['u  U', 'undo, redo a mark'],
  ['e', 'export the selection (else all shown) as Markdown'],
  ['o  y', 'open the documentation URL, copy it (OSC 52)'],
  ['Tab', 'focus the list or the detail pane'],
  ['Esc', 'leave search, help or the picker (never quits)'],
  ['q', 'quit (marks are saved)'],
];

/** The key list, shown in place of the tree and detail pane. */
export function HelpOverlay({ height, width }: { height: number; width: number }) {
  const paint = usePaint();
  return (
    <Box height={height} width={width} flexShrink={0} overflow="hidden" flexDirection="column" paddingX={1}>
      <Text bold>Keys (? or Esc closes)</Text>
      {HELP_KEYS.map(([k, what]) => (
        <Text key={k} wrap="truncate-end">
          <Text bold color={paint('cyan')}>
            {k.padEnd(17)}
          </Text>
          {what}
        </Text>
      ))}
    </Box>
  );
}
