import { Text } from 'ink';
import { usePaint } from './color-context.js';
import type { Line } from './styled-text.js';

/** One styled line, cut at the pane's edge. */
export function LineView({ line }: { line: Line }) {
  const paint = usePaint();
  if (line.length === 0) return <Text> </Text>;
  return (
    <Text wrap="truncate-end">
      {line.map((s, i) => (
        <Text key={i} color={paint(s.color)} bold={s.bold} dimColor={s.dim} inverse={s.inverse} underline={s.underline}>
          {s.text}
        </Text>
      ))}
    </Text>
  );
}
