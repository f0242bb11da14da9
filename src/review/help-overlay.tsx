import { Box, Text } from 'ink';

const KEYS: Array<[string, string]> = [
  ['↑ ↓  j k', 'move (in the detail pane: scroll)'],
  ['PgUp PgDn', 'a page up or down'],
  ['g  G', 'top, bottom'],
  ['Tab', 'focus the list or the detail pane'],
  ['/', 'search action names, descriptions, policies'],
  ['  Enter  Esc', 'keep the search as a filter, clear it'],
  ['f', 'filter by kind (all, then each kind present)'],
  ['s', 'minimum severity (low, medium, high)'],
  ['space', 'mark the change reviewed (✓), or unmark it'],
  ['u', 'show only unreviewed changes, or all'],
  ['e', 'export marked changes (else all shown) as Markdown'],
  ['?', 'this help'],
  ['q  Esc', 'quit (Esc first closes search or help)'],
];

/** The key list, shown in place of the list and detail pane. */
export function HelpOverlay({ height, width }: { height: number; width: number }) {
  return (
    <Box height={height} width={width} flexShrink={0} overflow="hidden" flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold>Keys (? or Esc closes)</Text>
      {KEYS.map(([k, what]) => (
        <Text key={k} wrap="truncate-end">
          <Text bold color="cyan">
            {k.padEnd(13)}
          </Text>
          {what}
        </Text>
      ))}
    </Box>
  );
}
