import { describe, expect, it } from 'vitest';
import { loadReview } from '../../src/commands/review-command.js';
import { fixturePath } from '../helpers/paths.js';
import { detailText } from './detail-text.js';

describe('review detail pane on the Service Reference fixtures', async () => {
  const { result, lookup } = await loadReview(fixturePath('service-reference/2025-07-08'), fixturePath('service-reference/2025-09-10'), {});
  const show = (kind: string, service: string) => detailText(result, lookup, result.changes.find((c) => c.kind === kind && c.service === service)!);

  it('lists access flags and SupportedBy of both sides beside each other, and the fields not compared for the service', () => {
    const frame = show('access-level-changed', 'ssm-sap');
    expect(frame).toContain('ssm-sap:DeleteResourcePermission');
    expect(frame).toContain('access level − Write │ + Permissions management');
    expect(frame).toContain('access flags IsWrite │ + IsPermissionManagement │ IsWrite');
    expect(frame).toContain('supported by ? not carried │ IAM Access Analyzer Policy Generation │ IAM Action Last Accessed');
    expect(frame).toContain('not compared: description — service-reference-json v1.2 and service-reference-json v1.3 do not carry it');
    expect(frame).toContain('not compared: SupportedBy (Access Analyzer policy generation, last accessed) — service-reference-json v1.2 does not carry it');
  });

  it('shows a service-level change with its fields and why', () => {
    const frame = show('condition-key-type-changed', 'ebs');
    expect(frame).toContain('condition-key-type-changed · MEDIUM');
    expect(frame).toContain('change: ebs:ParentSnapshot String → ARN');
    expect(frame).toContain('key: ebs:ParentSnapshot');
  });
});
