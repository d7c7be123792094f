import { describe, expect, it } from 'vitest';
import { evaluateSeverity } from '../../detection/severity/evaluate.ts';
import type { SeverityFacts } from '../../detection/severity/severity-facts.ts';
import { CloudTrailRecordSchema } from '../../schemas/cloudtrail-record.ts';
import { SeverityOverrideSchema } from '../../schemas/detector-config.ts';
import type { SeverityOverride } from '../../schemas/detector-config.ts';
import { sampleRecord } from '../helpers/records.ts';

const record = CloudTrailRecordSchema.parse(
  sampleRecord('console-session/root-console-session-create-user.json'),
);
const facts = (overrides: Partial<SeverityFacts>): SeverityFacts => ({
  record,
  account: '111122223333',
  credential: 'console-session',
  activity: 'api-call',
  outcome: 'success',
  mfa: true,
  ...overrides,
});
const withEvent = (
  eventSource: string,
  eventName: string,
  requestParameters: Record<string, unknown> | null = null,
) =>
  CloudTrailRecordSchema.parse({
    ...sampleRecord('console-session/root-console-session-create-user.json'),
    eventSource,
    eventName,
    requestParameters,
  });

describe('Policy: default severity', () => {
  it.each<{ scenario: string; given: Partial<SeverityFacts>; severity: string; rule: string }>([
    {
      scenario: 'sign-in without MFA',
      given: { credential: 'password', activity: 'sign-in', mfa: false },
      severity: 'critical',
      rule: 'sign-in-without-mfa',
    },
    {
      scenario: 'sign-in with MFA',
      given: { credential: 'password', activity: 'sign-in', mfa: true },
      severity: 'high',
      rule: 'sign-in',
    },
    {
      scenario: 'sign-in, MFA unknown',
      given: { credential: 'password', activity: 'sign-in', mfa: null },
      severity: 'high',
      rule: 'sign-in',
    },
    {
      scenario: 'failed sign-in without MFA',
      given: { credential: 'password', activity: 'sign-in', mfa: false, outcome: 'failure' },
      severity: 'medium',
      rule: 'failed-sign-in',
    },
    {
      scenario: 'long-term key',
      given: { credential: 'access-key' },
      severity: 'critical',
      rule: 'long-term-access-key',
    },
    {
      scenario: 'failed long-term key call',
      given: { credential: 'access-key', outcome: 'failure' },
      severity: 'critical',
      rule: 'long-term-access-key',
    },
    { scenario: 'console session', given: {}, severity: 'high', rule: 'console-session' },
    {
      scenario: 'failed console call',
      given: { outcome: 'failure' },
      severity: 'medium',
      rule: 'console-session',
    },
    {
      scenario: 'session token',
      given: { credential: 'session-token' },
      severity: 'high',
      rule: 'session-token',
    },
    {
      scenario: 'unknown credential',
      given: { credential: 'unknown' },
      severity: 'high',
      rule: 'unknown-credential',
    },
    {
      scenario: 'password recovery',
      given: { credential: 'password', activity: 'password-recovery' },
      severity: 'high',
      rule: 'password-recovery',
    },
    {
      scenario: 'assumed-root call',
      given: { credential: 'assumed-root' },
      severity: 'medium',
      rule: 'assumed-root',
    },
    {
      scenario: 'failed assumed-root call',
      given: { credential: 'assumed-root', outcome: 'failure' },
      severity: 'low',
      rule: 'assumed-root',
    },
    {
      scenario: 'assumed-root credential change that weakens nothing',
      given: {
        credential: 'assumed-root',
        activity: 'credential-change',
        record: withEvent('iam.amazonaws.com', 'DeleteLoginProfile'),
      },
      severity: 'medium',
      rule: 'assumed-root',
    },
    {
      scenario: 'assumed-root root password creation',
      given: {
        credential: 'assumed-root',
        activity: 'credential-change',
        record: withEvent('iam.amazonaws.com', 'CreateLoginProfile'),
      },
      severity: 'critical',
      rule: 'root-credential-created-or-weakened',
    },
    {
      scenario: 'logging change',
      given: { activity: 'logging-change' },
      severity: 'critical',
      rule: 'logging-change',
    },
    {
      scenario: 'failed logging change',
      given: { activity: 'logging-change', outcome: 'failure' },
      severity: 'high',
      rule: 'logging-change',
    },
    {
      scenario: 'failed logging change with a long-term key',
      given: { credential: 'access-key', activity: 'logging-change', outcome: 'failure' },
      severity: 'critical',
      rule: 'long-term-access-key',
    },
    {
      scenario: 'AWS service acting as root, even on a logging change',
      given: { credential: 'aws-service', activity: 'logging-change' },
      severity: 'info',
      rule: 'aws-service',
    },
    {
      scenario: 'root creating its own key',
      given: { activity: 'credential-change', record: withEvent('iam.amazonaws.com', 'CreateAccessKey') },
      severity: 'critical',
      rule: 'root-credential-created-or-weakened',
    },
    {
      scenario: 'root creating a key for a user',
      given: {
        activity: 'credential-change',
        record: withEvent('iam.amazonaws.com', 'CreateAccessKey', { userName: 'bob' }),
      },
      severity: 'high',
      rule: 'credential-change',
    },
    {
      scenario: 'root re-activating its key',
      given: {
        activity: 'credential-change',
        record: withEvent('iam.amazonaws.com', 'UpdateAccessKey', { status: 'Active', accessKeyId: 'AKIA1' }),
      },
      severity: 'critical',
      rule: 'root-credential-created-or-weakened',
    },
    {
      scenario: 'root deactivating its key',
      given: {
        activity: 'credential-change',
        record: withEvent('iam.amazonaws.com', 'UpdateAccessKey', {
          status: 'Inactive',
          accessKeyId: 'AKIA1',
        }),
      },
      severity: 'high',
      rule: 'credential-change',
    },
    {
      scenario: 'console MFA change for "AWS ROOT USER"',
      given: {
        activity: 'credential-change',
        record: withEvent('iam.amazonaws.com', 'DeactivateMFADevice', { userName: 'AWS ROOT USER' }),
      },
      severity: 'critical',
      rule: 'root-credential-created-or-weakened',
    },
    {
      scenario: 'failed root email change',
      given: {
        credential: 'password',
        activity: 'credential-change',
        outcome: 'failure',
        record: withEvent('signin.amazonaws.com', 'EmailUpdated'),
      },
      severity: 'high',
      rule: 'root-credential-created-or-weakened',
    },
  ])('$scenario → $severity ($rule)', ({ given, severity, rule }) => {
    expect(evaluateSeverity(facts(given), [])).toStrictEqual({ severity, rule });
  });
});

describe('Policy: severity overrides', () => {
  const override = (input: unknown): SeverityOverride => SeverityOverrideSchema.parse(input);
  const sandboxReads = override({
    id: 'sandbox-reads',
    severity: 'low',
    reason: 'SEC-1',
    match: { accounts: ['111122223333'], activities: ['api-call'] },
  });
  const everythingCritical = override({
    id: 'all-critical',
    severity: 'critical',
    reason: 'SEC-2',
    match: {},
  });

  it('applies the first override that matches, and says so in the rule', () => {
    expect(evaluateSeverity(facts({}), [sandboxReads, everythingCritical])).toStrictEqual({
      severity: 'low',
      rule: 'override:sandbox-reads',
    });
  });

  it('needs every listed field to match', () => {
    expect(evaluateSeverity(facts({ account: '444455556666' }), [sandboxReads])).toStrictEqual({
      severity: 'high',
      rule: 'console-session',
    });
  });

  it('can match on what the default policy decided', () => {
    // Prepare
    const quietHighs = override({
      id: 'quiet-highs',
      severity: 'medium',
      reason: 'SEC-3',
      match: { defaultSeverities: ['high'] },
    });

    // Assess
    expect(evaluateSeverity(facts({}), [quietHighs]).severity).toBe('medium');
    expect(evaluateSeverity(facts({ credential: 'access-key' }), [quietHighs]).severity).toBe('critical');
  });

  it('rejects an override without a reason or with an unknown match key', () => {
    expect(
      SeverityOverrideSchema.safeParse({ id: 'x', severity: 'low', reason: '', match: {} }).success,
    ).toBe(false);
    expect(
      SeverityOverrideSchema.safeParse({ id: 'x', severity: 'low', reason: 'r', match: { account: ['1'] } })
        .success,
    ).toBe(false);
  });
});
