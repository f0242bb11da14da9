import type { Change } from '../diff/change.js';
import type { DiffSide } from '../diff/diff-result.js';
import { oneLine, stripControl } from '../text/sanitize.js';

/** What a change is about: `ecr:DescribeImages`, `ecr:TagResource repository`, `ecr resource type repository`. */
export function changeSubject(c: Change): string {
  if (c.kind === 'service-added' || c.kind === 'service-removed') return oneLine(`service ${c.service}`);
  if (c.kind === 'resource-type-renamed') return oneLine(`${c.service} resource type`);
  if (c.policy) return oneLine(`${c.service} managed policy ${c.policy}`);
  if (c.operation) return oneLine(`${c.service} operation ${c.operation}`);
  if (c.kind === 'policy-pattern-added' || c.kind === 'policy-pattern-removed') return oneLine(`${c.service} managed policies`);
  if (c.action) return oneLine(`${c.service}:${c.action}${c.resource ? ` on ${c.resource}` : ''}${c.pages ? ` (page ${c.pages.join(', ')})` : ''}`);
  if (c.resource) return oneLine(`${c.service} resource type ${c.resource}`);
  return oneLine(c.service);
}

/** The change itself in a few words, without the subject. Word diffs use plain `[-old-]{+new+}` markers. */
export function changeDetail(c: Change): string {
  const v = (s: string | undefined) => oneLine(s ?? '');
  switch (c.kind) {
    case 'service-added':
    case 'service-removed':
      return v(c.after ?? c.before);
    case 'action-added':
      return c.after ? `(${v(c.after)})` : '';
    case 'action-removed':
      return c.before ? `(was ${v(c.before)})` : '';
    case 'action-unresolved':
      return c.candidates && c.candidates.length > 0 ? `matches several: ${c.candidates.map(v).join(', ')}` : 'matches no action on the other side';
    case 'access-level-changed':
    case 'resource-required-changed':
    case 'arn-pattern-changed':
    case 'resource-type-renamed':
      return `${v(c.before)} → ${v(c.after)}`;
    case 'resource-added':
    case 'resource-removed':
      return v(c.after ?? c.before);
    case 'condition-key-added':
    case 'condition-key-removed':
    case 'service-condition-key-added':
    case 'service-condition-key-removed':
      return `${c.kind.endsWith('added') ? '+' : '-'} ${v(c.key)}`;
    case 'dependent-action-added':
    case 'dependent-action-removed':
      return `${c.kind.endsWith('added') ? '+' : '-'} ${v(c.dependentAction)}`;
    case 'condition-key-moved':
    case 'dependent-action-moved':
      return `${v(c.key ?? c.dependentAction)} ${movedRows(c.before ?? '', c.after ?? '')}`;
    case 'description-changed':
      return plainWordDiff(c);
    case 'resource-type-added':
    case 'resource-type-removed':
      return v(c.after ?? c.before);
    case 'policy-attached':
    case 'policy-detached':
      return v(c.after ?? c.before);
    case 'policy-pattern-added':
    case 'policy-pattern-removed':
      return `${c.kind.endsWith('added') ? '+' : '-'} ${v(c.pattern)}`;
    case 'access-flags-changed':
      return `${v(c.before)} → ${v(c.after)}`;
    case 'condition-key-type-changed':
      return `${v(c.key)} ${v(c.before)} → ${v(c.after)}`;
    case 'arn-format-added':
    case 'supported-by-gained':
      return `+ ${v(c.after)}`;
    case 'arn-format-removed':
    case 'supported-by-lost':
      return `- ${v(c.before)}`;
    case 'operation-action-added':
    case 'operation-action-removed':
      return `${c.kind.endsWith('added') ? 'now also needs' : 'no longer needs'} ${v(c.dependentAction)}`;
    default:
      return genericDetail(c);
  }
}

/** A kind this file does not know yet (a newer diff engine): what its subject and values say. */
function genericDetail(c: Change): string {
  const v = (s: string | undefined) => oneLine(s ?? '');
  const subject = [c.key, c.dependentAction, c.pattern, c.policy].find((x) => x !== undefined);
  const values = c.before !== undefined && c.after !== undefined ? `${v(c.before)} → ${v(c.after)}` : v(c.after ?? c.before);
  return [subject === undefined ? '' : v(subject), values].filter(Boolean).join(' ');
}

/** `now also on image`, `no longer on component`, or both (`no longer on component; now on (action)`): rows are comma lists. */
function movedRows(before: string, after: string): string {
  const b = before.split(', ');
  const a = after.split(', ');
  const gained = a.filter((r) => !b.includes(r));
  const lost = b.filter((r) => !a.includes(r));
  if (lost.length === 0) return oneLine(`now also on ${gained.join(', ')}`);
  if (gained.length === 0) return oneLine(`no longer on ${lost.join(', ')} (still on ${after})`);
  return oneLine(`no longer on ${lost.join(', ')}; now on ${gained.join(', ')}`);
}

/** `[-removed-]{+added+}` form of a description change. */
export function plainWordDiff(c: Change): string {
  return (c.words ?? [])
    .map((p) => {
      if (p.op === 'same') return stripControl(p.text).replace(/\s+/g, ' ');
      // spaces around the words stay outside the markers: `Encrypts {+a+} plaintext`
      const lead = /^\s/.test(p.text) ? ' ' : '';
      const trail = /\s$/.test(p.text) ? ' ' : '';
      return `${lead}${p.op === 'added' ? `{+${oneLine(p.text)}+}` : `[-${oneLine(p.text)}-]`}${trail}`;
    })
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** `aws-docs-md 2020-01-03` or `box-table (label)`. */
export function sideName(s: DiffSide): string {
  const version = s.date ?? s.label;
  return oneLine(`${s.format}${version ? ` ${version}` : ''}`);
}
