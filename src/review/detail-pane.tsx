import { Box, measureElement, Text, type DOMElement } from 'ink';
import { useEffect, useRef } from 'react';
import type { Change, WordPart } from '../diff/change.js';
import type { DiffSide, NotCompared } from '../diff/diff-result.js';
import type { Action } from '../model/catalog.js';
import { changeSubject, sideName } from '../output/describe-change.js';
import { impactLines } from '../output/policy-impact-text.js';
import { oneLine, stripControl } from '../text/sanitize.js';
import type { ActionLookup } from './action-lookup.js';
import { SEVERITY_COLOR } from './style.js';

interface Props {
  change?: Change;
  lookup?: ActionLookup;
  sides: { old: DiffSide; new: DiffSide; notCompared?: NotCompared[] };
  height: number;
  width: number;
  scroll: number;
  /** Told how many lines the content overflows the pane by. */
  onOverflow(lines: number): void;
}

const clean = (s: string) => stripControl(s).replace(/\s+/g, ' ');
const list = (xs: string[] | undefined) => (xs === undefined ? undefined : xs.length ? xs.map(oneLine).join(', ') : '—');

/** Word diff in colour, with the text report's `[-removed-]{+added+}` markers. */
function WordDiff({ words }: { words: WordPart[] }) {
  return (
    <Text wrap="wrap">
      {words.map((w, i) =>
        w.op === 'added' ? (
          <Text key={i} color="green">{`{+${oneLine(w.text)}+}`}</Text>
        ) : w.op === 'removed' ? (
          <Text key={i} color="red">{`[-${oneLine(w.text)}-]`}</Text>
        ) : (
          clean(w.text)
        ),
      )}
    </Text>
  );
}

/** One side of an action: access level, resource types (`*` required), condition keys, dependent actions. */
function actionFacts(a: Action): string {
  const keys = a.conditionKeys === undefined && !a.resourceTypes?.some((r) => r.conditionKeys) ? undefined : [...new Set([...(a.conditionKeys ?? []), ...(a.resourceTypes ?? []).flatMap((r) => r.conditionKeys ?? [])])];
  const deps = a.dependentActions === undefined && !a.resourceTypes?.some((r) => r.dependentActions) ? undefined : [...new Set([...(a.dependentActions ?? []), ...(a.resourceTypes ?? []).flatMap((r) => r.dependentActions ?? [])])];
  const facts = [
    a.accessLevel && `access ${a.accessLevel}`,
    a.accessFlags && `flags ${list(a.accessFlags)}`,
    a.supportedBy && `supported by ${list(a.supportedBy)}`,
    a.resourceTypes && `resource types ${list(a.resourceTypes.map((r) => `${r.name}${r.required ? '*' : ''}`))}`,
    keys && `condition keys ${list(keys)}`,
    deps && `dependent actions ${list(deps)}`,
  ].filter(Boolean);
  return oneLine(facts.join(' · ') || 'no details in this source');
}

function Side({ label, side, action, showDescription }: { label: string; side: DiffSide; action?: Action; showDescription: boolean }) {
  return (
    <Box flexDirection="column" flexShrink={0}>
      <Text wrap="wrap">
        <Text bold>{label}</Text> <Text dimColor>({sideName(side)})</Text>: {action ? actionFacts(action) : 'no such action'}
      </Text>
      {showDescription && action?.description ? (
        <Text wrap="wrap" dimColor>
          {'  '}
          {oneLine(action.description)}
        </Text>
      ) : null}
    </Box>
  );
}

/** The fields not compared for the change's service, and why: a source's format does not carry them. */
function NotComparedLines({ gaps, service }: { gaps?: NotCompared[]; service: string }) {
  const here = (gaps ?? []).filter((g) => g.services.includes(service));
  if (here.length === 0) return null;
  return (
    <Box flexDirection="column" flexShrink={0} marginTop={1}>
      {here.map((g, i) => (
        <Text key={i} wrap="wrap" dimColor>
          not compared: {g.label} — {oneLine(g.reason)}
        </Text>
      ))}
    </Box>
  );
}

function Field({ name, value }: { name: string; value?: string }) {
  if (value === undefined) return null;
  return (
    <Text wrap="wrap">
      <Text bold>{name}:</Text> {oneLine(value)}
    </Text>
  );
}

/** Everything about the selected change; scrolls when it does not fit. */
export function DetailPane({ change: c, lookup, sides, height, width, scroll, onOverflow }: Props) {
  const content = useRef<DOMElement>(null);
  useEffect(() => {
    if (content.current) onOverflow(Math.max(0, measureElement(content.current).height - height));
  });
  const both = c?.action && lookup ? lookup(c.service, c.action) : undefined;
  return (
    <Box height={height} width={width} flexShrink={0} overflow="hidden" flexDirection="column">
      <Box ref={content} flexDirection="column" flexShrink={0} marginTop={-scroll}>
        {!c ? (
          <Text dimColor>nothing selected</Text>
        ) : (
          <>
            <Text wrap="wrap">
              <Text bold>{c.kind}</Text> · <Text bold color={SEVERITY_COLOR[c.severity]}>{c.severity.toUpperCase()}</Text>
              <Text dimColor> — {oneLine(c.reason)}</Text>
            </Text>
            <Text bold wrap="wrap">
              {changeSubject(c)}
            </Text>
            <Field name="resource type" value={c.resource} />
            <Field name="condition key" value={c.key} />
            <Field name="operation" value={c.operation} />
            <Field name={c.operation ? 'needs action' : 'dependent action'} value={c.dependentAction} />
            {c.kind === 'description-changed' && c.words ? (
              <Box flexDirection="column" flexShrink={0}>
                <Text bold>description:</Text>
                <WordDiff words={c.words} />
              </Box>
            ) : (
              <>
                <Field name="before" value={c.before} />
                <Field name="after" value={c.after} />
              </>
            )}
            {c.kind === 'action-unresolved' ? <Field name="candidates" value={c.candidates?.length ? c.candidates.join(', ') : 'none: no action on the other side starts with this name'} /> : null}
            {c.policies?.length ? (
              <Box flexDirection="column" flexShrink={0} marginTop={1}>
                <Text bold>policies:</Text>
                {impactLines(c.policies).map((line, i) => (
                  <Text key={i} wrap="wrap">
                    {'  '}
                    {line}
                  </Text>
                ))}
              </Box>
            ) : null}
            {both ? (
              <Box flexDirection="column" flexShrink={0} marginTop={1}>
                <Side label="before" side={sides.old} action={both.before} showDescription={c.kind !== 'description-changed'} />
                <Side label="after" side={sides.new} action={both.after} showDescription={c.kind !== 'description-changed' && both.after?.description !== both.before?.description} />
              </Box>
            ) : null}
            <NotComparedLines gaps={sides.notCompared} service={c.service} />
          </>
        )}
      </Box>
    </Box>
  );
}
