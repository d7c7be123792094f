import { describe, expect, it } from 'vitest';
import { CONSOLE_MARKERS } from '../../detection/credential/console-markers.ts';
import { classifyCredential } from '../../detection/credential/index.ts';
import { RootSessionRegistry } from '../../detection/root-sessions.ts';
import { CloudTrailRecordSchema } from '../../schemas/cloudtrail-record.ts';
import { sampleRecord } from '../helpers/records.ts';

type Mutable = ReturnType<typeof sampleRecord>;

/** A root call with a temporary key and no console marker at all: the neutral starting point. */
const bareSession = (): Mutable => sampleRecord('session-token/root-session-token-describe-instances.json');
const credentialOf = (record: Mutable, sessions = new RootSessionRegistry()) =>
  classifyCredential(CloudTrailRecordSchema.parse(record), sessions);
const sessionContext = (record: Mutable) => record.userIdentity.sessionContext as Record<string, unknown>;

describe('Rules: credential', () => {
  it('starts from a record with no console marker', () => {
    expect(credentialOf(bareSession())).toBe('session-token');
  });

  it.each<{ marker: string; mutate: (record: Mutable) => void }>([
    { marker: 'session-credential-from-console', mutate: (r) => (r.sessionCredentialFromConsole = 'true') },
    {
      marker: 'sign-in-session-arn',
      mutate: (r) => (sessionContext(r).signInSessionArn = 'arn:aws:signin:us-east-1:111122223333:session/x'),
    },
    { marker: 'console-event-type', mutate: (r) => (r.eventType = 'AwsConsoleAction') },
    { marker: 'invoked-by-signin', mutate: (r) => (r.userIdentity.invokedBy = 'signin.amazonaws.com') },
    { marker: 'signin-user-agent', mutate: (r) => (r.userAgent = 'signin.amazonaws.com') },
    { marker: 'console-user-agent', mutate: (r) => (r.userAgent = 'console.ec2.amazonaws.com') },
    { marker: 'iam-console-backend-user-agent', mutate: (r) => (r.userAgent = 'Coral/Netty4') },
    { marker: 's3-console-user-agent', mutate: (r) => (r.userAgent = '[S3Console/0.4]') },
  ])('recognises a console session by $marker', ({ marker, mutate }) => {
    // Prepare
    const record = bareSession();
    mutate(record);

    // Act
    const credential = credentialOf(record);
    const matched = CONSOLE_MARKERS.filter((candidate) =>
      candidate.present(CloudTrailRecordSchema.parse(record)),
    );

    // Assess
    expect(credential).toBe('console-session');
    expect(matched.map((candidate) => candidate.id)).toStrictEqual([marker]);
  });

  it('keeps a long-term key critical even with a console marker', () => {
    // Prepare
    const record = bareSession();
    record.userIdentity.accessKeyId = 'AKIAY34FZKBOROOTKEY1';
    record.sessionCredentialFromConsole = 'true';

    // Assess
    expect(credentialOf(record)).toBe('access-key');
  });

  it('reads sessionCredentialFromConsole "false" as no marker', () => {
    // Prepare
    const record = bareSession();
    record.sessionCredentialFromConsole = 'false';

    // Assess
    expect(credentialOf(record)).toBe('session-token');
  });

  it('treats invokedBy of any other service as an AWS service acting as root', () => {
    // Prepare
    const record = bareSession();
    record.userIdentity.invokedBy = 'cloudformation.amazonaws.com';
    record.sessionCredentialFromConsole = 'true';

    // Assess
    expect(credentialOf(record)).toBe('aws-service');
  });

  it('names the password for sign-in service events, whatever else the record says', () => {
    // Prepare
    const record = bareSession();
    record.eventSource = 'signin.amazonaws.com';
    record.eventName = 'ConsoleLogin';

    // Assess
    expect(credentialOf(record)).toBe('password');
  });

  it('recognises a centralized-root session by its key, only within the session lifetime', () => {
    // Prepare
    const record = bareSession();
    const sessions = new RootSessionRegistry();
    sessions.add({
      accessKeyId: record.userIdentity.accessKeyId as string,
      issuedAt: '2025-03-01T12:10:00Z',
      expiresAt: '2025-03-01T12:25:00Z',
    });
    const later = { ...structuredClone(record), eventTime: '2025-03-01T14:00:00Z' };

    // Assess
    expect(credentialOf(record, sessions)).toBe('assumed-root');
    expect(credentialOf(later, sessions)).toBe('session-token');
  });

  it('honours sessionContext.assumedRoot on a root record when a source sets it', () => {
    // Prepare
    const record = bareSession();
    sessionContext(record).assumedRoot = 'true';

    // Assess
    expect(credentialOf(record)).toBe('assumed-root');
  });

  it('labels a root record with a non-AWS key and no marker as unknown', () => {
    // Prepare
    const record = bareSession();
    record.userIdentity.accessKeyId = 'EXAMPLE';

    // Assess
    expect(credentialOf(record)).toBe('unknown');
  });
});
