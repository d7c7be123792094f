import { describe, expect, it } from 'vitest';
import { Detector } from '../../detection/detector.ts';
import type { Finding } from '../../schemas/finding.ts';
import { sampleConfig, sampleValues } from '../helpers/sample-events.ts';

const findingsOf = async (file: string): Promise<Finding[]> => {
  const values = await sampleValues(file);
  const detector = new Detector(sampleConfig(file));
  detector.learnSessions(values);
  return values.flatMap((value) => {
    const detection = detector.detect(value);
    return detection.kind === 'finding' ? [detection.finding] : [];
  });
};

describe('Text: finding title and summary', () => {
  it.each([
    {
      file: 'sign-in/root-console-login-without-mfa.json',
      title: 'Root console sign-in without MFA in 111122223333 from 192.0.2.0',
    },
    {
      file: 'sign-in/root-console-login-failed.json',
      title: 'Failed root console sign-in in 111122223333 from 192.0.2.0',
    },
    {
      file: 'access-key/root-access-key-failed-run-instances.json',
      title:
        'Root access key used: ec2:RunInstances (failed: Client.UnauthorizedOperation) in 111122223333 from 203.0.113.10',
    },
    {
      file: 'console-session/root-console-session-legacy-invoked-by-signin-2018.json',
      title: 'Root console session: ec2:ModifyImageAttribute in 123456789012 (example-alias) from 192.0.2.99',
    },
    {
      file: 'assumed-root/assume-root-task-delete-bucket-policy.log.json',
      title: 'Centralized root session (AssumeRoot): s3:DeleteBucketPolicy in 222222222222 from 192.0.2.1',
    },
    {
      file: 'logging-change/root-stop-logging.json',
      title: 'Root logging change: cloudtrail:StopLogging in 111122223333 from 198.51.100.23',
    },
    {
      file: 'password/root-password-recovery-requested.json',
      title: 'Root password recovery: PasswordRecoveryRequested in 111122223333 from 203.0.113.91',
    },
    {
      file: 'tampering/assumed-role-shorten-record-retention.json',
      title:
        'Detector tampering: logs:PutRetentionPolicy on log group /rootwatch/records in 111122223333 from 203.0.113.45',
    },
    {
      file: 'tampering/root-delete-record-log-group-denied.json',
      title:
        'Detector tampering: logs:DeleteLogGroup on log group /rootwatch/records (failed: AccessDeniedException) in 111122223333 from 198.51.100.23',
    },
    {
      file: 'takeover/organization-start-member-primary-email-update.json',
      title: 'Member root email change: account:StartPrimaryEmailUpdate in 222222222222 from 203.0.113.45',
    },
    {
      file: 'takeover/assume-root-audit-root-credentials.json',
      title:
        'Centralized root task: sts:AssumeRoot (IAMAuditRootUserCredentials) in 222222222222 from 203.0.113.45',
    },
    {
      file: 'takeover/assume-root-create-root-password-denied.json',
      title:
        'Root password task: sts:AssumeRoot (IAMCreateRootUserPassword) (failed: AccessDenied) in 222222222222 from 203.0.113.45',
    },
  ])('titles $file', async ({ file, title }) => {
    // Act: the last finding of the sample (after an AssumeRoot call's, the session's)
    const finding = (await findingsOf(file)).at(-1);

    // Assess
    expect(finding?.title).toBe(title);
  });

  it('summarises who, what, from where, MFA and why it matters', async () => {
    // Act
    const [finding] = await findingsOf('sign-in/root-console-login-without-mfa.json');

    // Assess
    expect(finding?.summary).toBe(
      'The root user of account 111122223333 signed in to the AWS console without MFA from 192.0.2.0 at 2022-11-10T16:24:34Z. ' +
        'A password alone opened the most powerful identity in the account (CIS: MFA on root). Confirm with the account owner; ' +
        'if unplanned, reset the root password, enable MFA and review what the session did.',
    );
  });

  it('names the AssumeRoot caller and task in the summary', async () => {
    // Act
    const finding = (await findingsOf('assumed-root/assume-root-task-delete-bucket-policy.log.json')).at(-1);

    // Assess
    expect(finding?.summary).toContain(
      'in a centralized-root session opened by arn:aws:sts::111111111111:assumed-role/JohnDoe/JohnRole1 for the task S3UnlockBucketPolicy',
    );
  });

  it('names the principal, the call and the protected resource when someone else than root tampers', async () => {
    // Act
    const [finding] = await findingsOf('tampering/assumed-role-unsubscribe-alert-topic.json');

    // Assess
    expect(finding?.summary).toMatch(
      /^arn:aws:sts::111122223333:assumed-role\/OpsAdmin\/mallory \(AssumedRole\) called sns:Unsubscribe on rootwatch's topic arn:aws:sns:us-east-1:111122223333:Rootwatch-DetectorAlertsTopic1A2B3C4D-AbCdEf123456:0b6941c4-f150-4cbc-9f8f-1c9c8a2b3d4e in 111122223333, us-east-1 from 203.0.113.45 at 2025-09-15T08:22:00Z; the call succeeded\. This disables or weakens rootwatch itself/,
    );
  });

  it('names the member account, the caller and the task of an AssumeRoot call', async () => {
    // Act
    const [finding] = await findingsOf('takeover/assume-root-delete-root-credentials.json');

    // Assess
    expect(finding?.summary).toMatch(
      /^arn:aws:sts::999988887777:assumed-role\/RootAccessAdmins\/alice \(AssumedRole\) called sts:AssumeRoot on member account 222222222222 with the task policy IAMDeleteRootUserCredentials from 203.0.113.45/,
    );
  });
});
