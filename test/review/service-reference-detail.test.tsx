import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { loadReview } from '../../src/commands/review-command.js';
import { DetailPane } from '../../src/review/detail-pane.js';
import { fixturePath } from '../helpers/paths.js';

describe('review detail pane on the Service Reference fixtures', async () => {
  const { result, lookup } = await loadReview(fixturePath('service-reference/2025-07-08'), fixturePath('service-reference/2025-09-10'), {});
  const show = (kind: string, service: string) => {
    const change = result.changes.find((c) => c.kind === kind && c.service === service)!;
    const app = render(<DetailPane change={change} lookup={lookup} sides={result} height={60} width={100} scroll={0} onOverflow={() => {}} />);
    const frame = (app.lastFrame() ?? '').replace(/\s+/g, ' ');
    app.unmount();
    return frame;
  };

  it('lists access flags and SupportedBy of both sides, and the fields not compared for the service', () => {
    const frame = show('access-level-changed', 'ssm-sap');
    expect(frame).toContain('ssm-sap:DeleteResourcePermission');
    expect(frame).toContain('access Write · flags IsWrite');
    expect(frame).toContain('access Permissions management · flags IsPermissionManagement, IsWrite · supported by IAM Access Analyzer Policy Generation');
    expect(frame).toContain('not compared: description — service-reference-json v1.2 and service-reference-json v1.3 do not carry it');
    expect(frame).toContain('not compared: SupportedBy (Access Analyzer policy generation, last accessed) — service-reference-json v1.2 does not carry it');
  });

  it('shows a service-level change with its fields and why', () => {
    const frame = show('condition-key-type-changed', 'ebs');
    expect(frame).toContain('condition-key-type-changed · MEDIUM');
    expect(frame).toContain('condition key: ebs:ParentSnapshot');
    expect(frame).toContain('before: String');
    expect(frame).toContain('after: ARN');
  });
});
