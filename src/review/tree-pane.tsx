import { Box, Text } from 'ink';
import { useRef } from 'react';
import { LineView } from './line-view.js';
import type { TreeNode } from './review-tree.js';
import { breadcrumb, rowLine, type RowContext } from './tree-row.js';
import { windowTop } from './visible-window.js';

interface Props {
  rows: TreeNode[];
  sel: number;
  ctx: RowContext;
  /** Rows, breadcrumb included. */
  height: number;
  width: number;
  focused: boolean;
}

/** The tree: a sticky breadcrumb, then only the rows in view. */
export function TreePane({ rows, sel, ctx, height, width, focused }: Props) {
  const top = useRef(0);
  const body = Math.max(0, height - 1);
  top.current = windowTop(top.current, Math.max(sel, 0), body, rows.length);
  const visible = rows.slice(top.current, top.current + body);
  return (
    <Box flexDirection="column" height={height} width={width} flexShrink={0} overflow="hidden">
      <Text bold={focused} dimColor={!focused} wrap="truncate-end">
        {breadcrumb(sel >= 0 ? rows[sel] : undefined, ctx.tree)}
      </Text>
      {visible.map((row, i) => (
        <LineView key={row.id} line={rowLine(row, ctx, top.current + i === sel, focused, width)} />
      ))}
    </Box>
  );
}
