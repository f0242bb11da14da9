import { Box, Text } from 'ink';
import { oneLine } from '../text/sanitize.js';
import { usePaint } from './color-context.js';
import { isActive, narrowItems, type PickerItem } from './picker-items.js';
import type { ListFilter } from './review-model.js';
import { windowTop } from './visible-window.js';
import { thousands } from '../text/thousands.js';

interface Props {
  items: PickerItem[];
  filter: ListFilter;
  text: string;
  sel: number;
  height: number;
  width: number;
}

/** The filter picker (like k9s): type to narrow services, kinds, severities and review states; Enter applies. */
export function FilterPicker({ items, filter, text, sel, height, width }: Props) {
  const paint = usePaint();
  const shown = narrowItems(items, text);
  const body = Math.max(1, height - 4);
  const top = windowTop(0, sel, body, shown.length);
  return (
    <Box flexDirection="column" height={height} width={width} flexShrink={0} overflow="hidden" borderStyle="round" paddingX={1}>
      <Text wrap="truncate-end">
        <Text bold color={paint('cyan')}>filter ›</Text> {oneLine(text)}
        <Text inverse> </Text>
        <Text dimColor>{`  ${shown.length} of ${items.length} · ↑↓ choose · Enter applies · Esc closes`}</Text>
      </Text>
      {shown.length === 0 ? <Text dimColor>nothing matches “{oneLine(text)}”</Text> : null}
      {shown.slice(top, top + body).map((it, i) => {
        const on = top + i === sel;
        return (
          <Text key={`${it.facet}:${it.label}`} wrap="truncate-end" inverse={on}>
            {isActive(filter, it) ? '• ' : '  '}
            <Text dimColor={!on}>{it.facet.padEnd(9)}</Text>
            {oneLine(it.label)}
            <Text dimColor={!on}>{`  ${thousands(it.count)}`}</Text>
          </Text>
        );
      })}
    </Box>
  );
}
