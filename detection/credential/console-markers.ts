import type { CloudTrailRecord } from '../../schemas/cloudtrail-record.ts';
import { flag } from '../record-fields.ts';

/** On 2018–2020 console sessions `invokedBy` and `userAgent` both said this (S09, S10, S17). */
const CONSOLE_INVOKED_BY = 'signin.amazonaws.com';

/** `console.amazonaws.com` or `console.<service>.amazonaws.com` (no regex: this runs on every root record). */
const isConsoleUserAgent = (userAgent: string | undefined): boolean =>
  userAgent !== undefined &&
  userAgent.startsWith('console.') &&
  userAgent.endsWith('.amazonaws.com') &&
  !userAgent.includes(' ');

/**
 * Signs that an event was made with credentials from a console sign-in, each with its evidence.
 * Records of different eras carry different ones, so any one suffices.
 */
const CONSOLE_MARKERS: ReadonlyArray<{
  id: string;
  source: string;
  present(record: CloudTrailRecord): boolean;
}> = [
  {
    id: 'session-credential-from-console',
    source:
      '[CT-REC] sessionCredentialFromConsole (since 1.08), "true" when the credentials came from the console',
    present: (record) => flag(record.sessionCredentialFromConsole) === true,
  },
  {
    id: 'sign-in-session-arn',
    source: '[CT-UID] sessionContext.signInSessionArn: API events made under a sign-in session',
    present: (record) => Boolean(record.userIdentity.sessionContext?.signInSessionArn),
  },
  {
    id: 'console-event-type',
    source:
      '[CT-REC] §1.3 eventType AwsConsoleAction ("an action taken in the console"); AwsConsoleSignIn outside signin',
    present: (record) => record.eventType === 'AwsConsoleAction' || record.eventType === 'AwsConsoleSignIn',
  },
  {
    id: 'invoked-by-signin',
    source: 'S09, S10, S17, [KC-ROOTACT]: legacy console sessions carried invokedBy signin.amazonaws.com',
    present: (record) => record.userIdentity.invokedBy === CONSOLE_INVOKED_BY,
  },
  {
    id: 'signin-user-agent',
    source: 'S09, S10: legacy console sessions carried userAgent signin.amazonaws.com',
    present: (record) => record.userAgent === CONSOLE_INVOKED_BY,
  },
  {
    id: 'console-user-agent',
    source:
      'S07, S08 (2021 captures: console.ec2.amazonaws.com); panther compromised-root scenario (console.amazonaws.com)',
    present: (record) => isConsoleUserAgent(record.userAgent),
  },
  {
    id: 'iam-console-backend-user-agent',
    source: "S11: the AWS guide's root MFA change made in the console shows userAgent Coral/Netty4",
    present: (record) => record.userAgent === 'Coral/Netty4',
  },
  {
    id: 's3-console-user-agent',
    source:
      'cloudtrail-real/embedded-readmes (flaws.cloud, 2017): root ListBuckets from the S3 console, [S3Console/0.4]',
    present: (record) => record.userAgent?.startsWith('[S3Console') === true,
  },
];

const consoleMarkerOf = (record: CloudTrailRecord): string | undefined =>
  CONSOLE_MARKERS.find((marker) => marker.present(record))?.id;

export { CONSOLE_INVOKED_BY, CONSOLE_MARKERS, consoleMarkerOf };
