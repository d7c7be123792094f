import { describe, expect, it } from 'vitest';
import { issuedRootSession, RootSessionRegistry } from '../../detection/root-sessions.ts';
import { AssumeRootRecordSchema } from '../../schemas/assume-root-record.ts';
import { sampleJson } from '../helpers/records.ts';

const assumeRoot = () =>
  structuredClone(
    (
      sampleJson('assumed-root/assume-root-task-create-login-profile.log.json').Records as Record<
        string,
        unknown
      >[]
    )[1]!,
  );

describe('Correlation: AssumeRoot sessions', () => {
  it('reads the issued key, caller, target, task and lifetime from the AssumeRoot record', () => {
    expect(issuedRootSession(AssumeRootRecordSchema.parse(assumeRoot()))).toStrictEqual({
      accessKeyId: 'ASIAY34FZKBOASSUMED2',
      assumeRootEventId: '9a968d87-24ac-5592-977b-a3b56fa83003',
      callerArn: 'arn:aws:sts::999988887777:assumed-role/RootAccessAdmins/alice',
      callerAccountId: '999988887777',
      targetAccountId: '222222222222',
      taskPolicyArn: 'arn:aws:iam::aws:policy/root-task/IAMCreateRootUserPassword',
      issuedAt: '2025-07-08T13:00:05Z',
      expiresAt: '2025-07-08T13:10:05.000Z',
    });
  });

  it('caps the lifetime at 900 seconds and defaults to it', () => {
    // Prepare
    const long = assumeRoot();
    (long.requestParameters as Record<string, unknown>).durationSeconds = 3600;
    const unspecified = assumeRoot();
    delete (unspecified.requestParameters as Record<string, unknown>).durationSeconds;

    // Assess
    expect(issuedRootSession(AssumeRootRecordSchema.parse(long))?.expiresAt).toBe('2025-07-08T13:15:05.000Z');
    expect(issuedRootSession(AssumeRootRecordSchema.parse(unspecified))?.expiresAt).toBe(
      '2025-07-08T13:15:05.000Z',
    );
  });

  it('learns nothing from a failed AssumeRoot call', () => {
    // Prepare
    const failed = { ...assumeRoot(), errorCode: 'AccessDenied', responseElements: null };

    // Assess
    expect(issuedRootSession(AssumeRootRecordSchema.parse(failed))).toBeUndefined();
  });

  it('finds a session only from shortly before it was issued until shortly after it expired', () => {
    // Prepare
    const registry = new RootSessionRegistry();
    registry.add(issuedRootSession(AssumeRootRecordSchema.parse(assumeRoot()))!);

    // Assess
    expect(registry.findRootSession('ASIAY34FZKBOASSUMED2', '2025-07-08T13:05:00Z')).toBeDefined();
    expect(registry.findRootSession('ASIAY34FZKBOASSUMED2', '2025-07-08T12:56:00Z')).toBeDefined();
    expect(registry.findRootSession('ASIAY34FZKBOASSUMED2', '2025-07-08T13:30:00Z')).toBeUndefined();
    expect(registry.findRootSession('ASIAOTHERKEY', '2025-07-08T13:05:00Z')).toBeUndefined();
  });
});
