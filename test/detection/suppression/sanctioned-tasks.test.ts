import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sanctionedTaskRules } from '../../../detection/suppression/sanctioned-tasks.ts';
import { suppressionFor } from '../../../detection/suppression/suppression-for.ts';
import { loadSanctionedTasks } from '../../../handlers/load-suppressions.ts';
import type { Finding } from '../../../schemas/finding.ts';
import { SanctionedTaskSchema } from '../../../schemas/sanctioned-tasks-config.ts';
import { REPO_ROOT } from '../../helpers/paths.ts';
import { sampleFindings } from '../../helpers/sample-findings.ts';

const NOW = new Date('2026-11-29T12:00:00Z');
const EXAMPLE = loadSanctionedTasks(join(REPO_ROOT, 'config', 'sanctioned-root-tasks.example.json'), {
  required: true,
});

const findingsOf = async (file: string): Promise<Finding[]> =>
  (await sampleFindings()).filter((sample) => sample.file === file).map((sample) => sample.finding);

/** A sanctioned task of the recovery role, changed by `change`. */
const recovery = (change: Record<string, unknown> = {}) =>
  sanctionedTaskRules([
    SanctionedTaskSchema.parse({
      id: 'member-root-password-recovery',
      reason: 'SEC-2048: recovery of 222222222222',
      expires: '2027-01-31T00:00:00Z',
      taskPolicies: ['IAMCreateRootUserPassword'],
      callers: ['arn:aws:iam::999988887777:role/RootRecovery'],
      critical: ['root-password-task', 'root-credential-created-or-weakened'],
      ...change,
    }),
  ]);

describe('Sanctioned root tasks', async () => {
  // The AssumeRoot call and the CreateLoginProfile of its session, both critical.
  const recoverySession = await findingsOf('takeover/assume-root-recover-member-root-password.log.json');
  // The AssumeRoot call (high) and the DeleteBucketPolicy of its session (medium), by JohnDoe.
  const unlockSession = await findingsOf('assumed-root/assume-root-task-delete-bucket-policy.log.json');
  // The same task policy for another caller.
  const otherCaller = await findingsOf('takeover/assume-root-create-root-password-denied.json');

  it('sanctions the AssumeRoot call and every finding of its session, as the example file says', () => {
    // Act
    const sanctioned = [...recoverySession, ...unlockSession].map(
      (finding) => suppressionFor(finding, EXAMPLE, NOW)?.ruleId,
    );

    // Assess
    expect(sanctioned).toStrictEqual([
      'sanctioned:member-root-password-recovery',
      'sanctioned:member-root-password-recovery',
      'sanctioned:unlock-bucket-policies',
      'sanctioned:unlock-bucket-policies',
    ]);
    expect(suppressionFor(recoverySession[0]!, EXAMPLE, NOW)).toStrictEqual({
      ruleId: 'sanctioned:member-root-password-recovery',
      reason:
        'sanctioned root task: SEC-2048: recovering the root of member account 222222222222, approved by the CISO',
      expires: '2027-01-31T00:00:00Z',
    });
  });

  it.each([
    { scenario: 'as given', change: {}, sanctioned: [true, true] },
    {
      scenario: 'without naming why the findings are critical',
      change: { critical: undefined },
      sanctioned: [false, false],
    },
    {
      scenario: 'naming only the call',
      change: { critical: ['root-password-task'] },
      sanctioned: [true, false],
    },
    {
      scenario: 'for another member account',
      change: { accounts: ['444455556666'] },
      sanctioned: [false, false],
    },
    { scenario: 'for this member account', change: { accounts: ['222222222222'] }, sanctioned: [true, true] },
    {
      scenario: 'for another task policy',
      change: { taskPolicies: ['IAMDeleteRootUserCredentials'] },
      sanctioned: [false, false],
    },
    {
      scenario: 'for the exact session ARN of the caller',
      change: { callers: ['arn:aws:sts::999988887777:assumed-role/RootRecovery/bob'] },
      sanctioned: [true, true],
    },
    {
      scenario: 'outside its window',
      change: { window: { start: '2025-09-18T00:00:00Z', end: '2025-09-19T00:00:00Z' } },
      sanctioned: [false, false],
    },
  ])('sanctions the recovery $scenario: $sanctioned', ({ change, sanctioned }) => {
    // Act
    const rules = recovery(change);

    // Assess
    expect(recoverySession.map((finding) => suppressionFor(finding, rules, NOW) !== undefined)).toStrictEqual(
      sanctioned,
    );
  });

  it('does not sanction the same task policy for another caller', () => {
    // Assess
    expect(otherCaller.map((finding) => suppressionFor(finding, recovery(), NOW))).toStrictEqual([undefined]);
  });

  it('sanctions nothing once expired', () => {
    // Assess
    expect(
      recoverySession.map((finding) => suppressionFor(finding, recovery(), new Date('2027-02-01T00:00:00Z'))),
    ).toStrictEqual([undefined, undefined]);
  });
});
