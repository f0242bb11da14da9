import { Box, Text } from 'ink';
import { useRef } from 'react';
import type { Change } from '../diff/change.js';
import { changeDetail, changeSubject } from '../output/describe-change.js';
import type { ListRow } from './review-model.js';
import { SEVERITY_COLOR } from './style.js';
import { windowTop } from './visible-window.js';

interface Props {
  rows: ListRow[];
  /** Row of each shown change. */
  rowOf: number[];
  /** Index of the selected change among the shown ones (-1: none). */
  selected: number;
  height: number;
  width: number;
  focused: boolean;
  isReviewed(c: Change): boolean;
}

/** The grouped change list; only the rows in view are rendered. */
export function ChangeList({ rows, rowOf, selected, height, width, focused, isReviewed }: Props) {
  const top = useRef(0);
  if (rows.length === 0) {
    return (
      <Box height={height} width={width} flexShrink={0}>
        <Text dimColor>no changes match (f, s, u and / filter the list; Esc clears a search)</Text>
      </Box>
    );
  }
  const selRow = selected >= 0 ? rowOf[selected]! : 0;
  top.current = windowTop(top.current, selRow, height, rows.length, rows[selRow - 1]?.type === 'header');
  const visible = rows.slice(top.current, top.current + height);
  return (
    <Box flexDirection="column" height={height} width={width} flexShrink={0} overflow="hidden">
      {visible.map((row, i) => {
        const r = top.current + i;
        if (row.type === 'header') {
          return (
            <Text key={r} bold color={SEVERITY_COLOR[row.severity]} wrap="truncate-end">
              {row.severity.toUpperCase()} · {row.kind} ({row.count})
            </Text>
          );
        }
        const isSel = r === selRow;
        const detail = changeDetail(row.change);
        return (
          <Text key={r} wrap="truncate-end" inverse={isSel && focused} bold={isSel && !focused}>
            {isSel ? '›' : ' '} <Text color="green">{isReviewed(row.change) ? '✓' : ' '}</Text> {changeSubject(row.change)}
            {detail ? <Text dimColor={!isSel}>{`  ${detail}`}</Text> : null}
          </Text>
        );
      })}
    </Box>
  );
}
