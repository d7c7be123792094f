import { sampleRecord } from './records.ts';

/**
 * A root console session with MFA: the sign-in (a sample), then five minutes of console calls signed
 * with the session's key, one of them creating root's own access key (critical).
 */
const consoleSessionRecords = (): Record<string, unknown>[] => {
  const signIn = sampleRecord('sign-in/root-console-login-with-mfa-current-format.json');
  const call = (eventID: string, eventName: string, eventTime: string) => {
    const record = sampleRecord('console-session/root-console-session-create-user.json');
    const identity = record.userIdentity as {
      accountId: string;
      principalId: string;
      arn: string;
      sessionContext: { attributes: Record<string, string>; signInSessionArn?: string };
    };
    const account = String(signIn.recipientAccountId);
    Object.assign(identity, {
      accountId: account,
      principalId: account,
      arn: `arn:aws:iam::${account}:root`,
    });
    identity.sessionContext.attributes.creationDate = String(signIn.eventTime);
    delete identity.sessionContext.signInSessionArn;
    return Object.assign(record, {
      eventID,
      eventName,
      eventTime,
      sourceIPAddress: signIn.sourceIPAddress,
      userAgent: signIn.userAgent,
      recipientAccountId: signIn.recipientAccountId,
      requestParameters: null,
    });
  };
  const later = (minutes: number) =>
    new Date(Date.parse(String(signIn.eventTime)) + minutes * 60_000).toISOString().replace('.000Z', 'Z');
  return [
    signIn,
    call('call-1', 'ListUsers', later(1)),
    call('call-2', 'ListRoles', later(2)),
    call('call-3', 'CreateAccessKey', later(3)),
    call('call-4', 'ListAccessKeys', later(4)),
  ];
};

export { consoleSessionRecords };
