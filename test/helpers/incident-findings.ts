import { Detector } from '../../detection/detector.ts';
import type { Finding } from '../../schemas/finding.ts';
import { sampleRecord } from './records.ts';

type SampleRecord = ReturnType<typeof sampleRecord>;

const findingOf = (record: SampleRecord): Finding => {
  const detection = new Detector().detect(record);
  if (detection.kind !== 'finding') throw new Error(`no finding: ${JSON.stringify(detection)}`);
  return detection.finding;
};

/** A root console sign-in from 192.0.2.0 at `time`, and calls of the console session it opened. */
const signIn = (time: string, mfa = 'No') => {
  const record = sampleRecord('sign-in/root-console-login-without-mfa.json');
  Object.assign(record, { eventTime: time, eventID: `sign-in-${time}` });
  (record.additionalEventData as Record<string, string>).MFAUsed = mfa;
  return findingOf(record);
};
const consoleCall = (
  id: string,
  time: string,
  issuedAt: string,
  eventName = 'ListUsers',
  key = 'ASIAY34FZKBOKMUTVV7A',
) => {
  const record = sampleRecord('console-session/root-console-session-create-user.json');
  // requestParameters null: root acting on itself (a CreateAccessKey then creates root's own key).
  Object.assign(record, {
    eventTime: time,
    eventID: id,
    eventName,
    sourceIPAddress: '192.0.2.0',
    requestParameters: null,
  });
  const identity = record.userIdentity as {
    accessKeyId: string;
    sessionContext: { attributes: Record<string, string>; signInSessionArn?: string };
  };
  identity.accessKeyId = key;
  identity.sessionContext.attributes.creationDate = issuedAt;
  delete identity.sessionContext.signInSessionArn;
  return findingOf(record);
};
const keyCall = (id: string, time: string) => {
  const record = sampleRecord('access-key/root-access-key-put-bucket-policy.json');
  Object.assign(record, { eventTime: time, eventID: id });
  return findingOf(record);
};

export { findingOf, signIn, consoleCall, keyCall };
export type { SampleRecord };
