import { Text, Box } from 'ink';
import { SEVERITIES } from '../diff/change.js';
import type { DiffResult } from '../diff/diff-result.js';
import { countChanges } from '../output/change-tree.js';
import { sideName } from '../output/describe-change.js';
import { usePaint } from './color-context.js';
import type { ReviewModel } from './review-model.js';
import { SEVERITY_COLOR } from './style.js';
import { thousands } from '../text/thousands.js';

interface Props {
  result: DiffResult;
  model: ReviewModel;
  reviewed: number;
  exported: number;
}

const n = thousands;

/** Two lines: what is compared (services changed of those compared); counts by severity, reviewed and selected. */
export function Header({ result, model, reviewed, exported }: Props) {
  const paint = usePaint();
  const compared = new Set([...result.old.services, ...result.new.services]).size;
  const counts = countChanges(model.all);
  const services = model.services.length === 1 && compared === 1 ? model.services[0] : `${n(model.services.length)} of ${n(compared)} services changed`;
  return (
    <Box flexDirection="column" flexShrink={0}>
      <Text bold wrap="truncate-end">
        iamdiff review · {services} · {sideName(result.old)} → {sideName(result.new)}
      </Text>
      <Text wrap="truncate-end">
        {n(model.all.length)} changes (
        {SEVERITIES.map((s, i) => (
          <Text key={s} color={paint(SEVERITY_COLOR[s])}>
            {i > 0 ? ', ' : ''}
            {n(counts.bySeverity[s])} {s}
          </Text>
        ))}
        ) · <Text bold color={paint(reviewed === model.all.length && model.all.length > 0 ? 'green' : undefined)}>✓ {n(reviewed)}/{n(model.all.length)} reviewed</Text>
        {exported > 0 ? <Text color={paint('magenta')}> · ● {n(exported)} for export</Text> : null}
        {result.accepted ? <Text dimColor> · accepted: {n(result.accepted.length)} (not shown)</Text> : null}
      </Text>
    </Box>
  );
}
