import { describe, expect, it } from 'vitest';
import { FindingSchema } from '../../schemas/finding.ts';
import { PostureAlertDetailSchema } from '../../schemas/posture-alert.ts';
import { onlyFinding } from '../helpers/sample-findings.ts';

const INCIDENT = {
  id: 'incident-7f3a',
  count: 2,
  alert: 'update' as const,
  actions: ['signin:ConsoleLogin'],
  regions: ['us-east-1'],
  sourceIps: ['192.0.2.0'],
  firstSeen: '2022-11-10T16:24:34Z',
  lastSeen: '2022-11-10T16:30:00Z',
};

describe('Schema: finding with its incident and suppression', () => {
  it('accepts the finding alone, and with an incident and a suppression note', async () => {
    // Prepare
    const { finding } = await onlyFinding('sign-in/root-console-login-failed.json');
    const annotated = {
      ...finding,
      incident: INCIDENT,
      suppression: { ruleId: 'break-glass-7', reason: 'SEC-42', expires: '2022-11-11T00:00:00Z' },
    };

    // Assess
    expect(FindingSchema.parse(finding)).toStrictEqual(finding);
    expect(FindingSchema.parse(annotated)).toStrictEqual(annotated);
  });

  it.each([
    {
      scenario: 'an incident counting no finding',
      change: { incident: { ...INCIDENT, count: 0 } },
      path: 'incident.count',
    },
    {
      scenario: 'an incident without an id',
      change: { incident: { ...INCIDENT, id: '' } },
      path: 'incident.id',
    },
    {
      scenario: 'a suppression without a reason',
      change: { suppression: { ruleId: 'r', expires: '2022-11-11T00:00:00Z' } },
      path: 'suppression.reason',
    },
    { scenario: 'any other new field', change: { note: 'x' }, path: '' },
  ])('rejects $scenario', async ({ change, path }) => {
    // Prepare
    const { finding } = await onlyFinding('sign-in/root-console-login-failed.json');

    // Act
    const result = FindingSchema.safeParse({ ...finding, ...change });

    // Assess
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toStrictEqual([path]);
  });
});

describe('Schema: posture alert', () => {
  it('is a posture result with its alert id and as-of, strictly', () => {
    // Prepare
    const alert = {
      eventId: 'posture:444455556666:root-mfa:2025-06-01T12:00:00.000Z',
      asOf: '2025-06-01T12:00:00Z',
      account: '444455556666',
      check: 'root-mfa',
      status: 'fail',
      controls: [],
      detail: 'root has no MFA device',
      evidence: { mfa_active: 'false' },
    };

    // Assess
    expect(PostureAlertDetailSchema.parse(alert)).toStrictEqual(alert);
    expect(PostureAlertDetailSchema.safeParse({ ...alert, asOf: 'yesterday' }).success).toBe(false);
    expect(PostureAlertDetailSchema.safeParse({ ...alert, extra: 1 }).success).toBe(false);
  });
});
