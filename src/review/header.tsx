import { Text, Box } from 'ink';
import { useMemo } from 'react';
import { SEVERITIES, type Change } from '../diff/change.js';
import type { DiffResult } from '../diff/diff-result.js';
import { sideName } from '../output/describe-change.js';
import { SEVERITY_COLOR, servicesLabel } from './style.js';

interface Props {
  result: DiffResult;
  all: Change[];
  reviewed: number;
}

/** Two lines: what is compared; counts by severity and how many are reviewed. */
export function Header({ result, all, reviewed }: Props) {
  const bySeverity = useMemo(() => SEVERITIES.map((s) => [s, all.filter((c) => c.severity === s).length] as const), [all]);
  return (
    <Box flexDirection="column" flexShrink={0}>
      <Text bold wrap="truncate-end">
        iamdiff review · {servicesLabel(result)} · {sideName(result.old)} → {sideName(result.new)}
      </Text>
      <Text wrap="truncate-end">
        {all.length} changes (
        {bySeverity.map(([s, n], i) => (
          <Text key={s} color={SEVERITY_COLOR[s]}>
            {i > 0 ? ', ' : ''}
            {n} {s}
          </Text>
        ))}
        ) · <Text bold color={reviewed === all.length && all.length > 0 ? 'green' : undefined}>{reviewed}/{all.length} reviewed</Text>
      </Text>
    </Box>
  );
}
