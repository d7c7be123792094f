import * as z from 'zod/mini';
import './zod-english.ts';

/**
 * Tolerant scalars: CloudTrail and the vendors that re-ship its records disagree on types
 * (Panther fixtures turn `"true"` into `true`; S08's publisher title-cased `mfaAuthenticated`).
 * Booleans are interpreted by the detector, case-insensitively, never rejected here.
 */
const looseBoolean = z.union([z.boolean(), z.string()]);
const text = z.optional(z.string());
const plainObject = z.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  { error: 'expected an object' },
);

/** `major.minor`, compared as numbers by whoever needs to; never an enum ([CT-REC]: current is 1.11). */
const EventVersionSchema = z.string().check(z.regex(/^\d+\.\d+$/, { error: 'expected "major.minor"' }));

/**
 * `userIdentity.sessionContext`. `sessionIssuer` and `webIdFederationData` are empty objects on root
 * console sessions (S07, S08); `assumedRoot` appears on the caller's `AssumeRoot` record (S13), and
 * `signInSessionArn` on API calls made under a console sign-in session.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html
 */
const SessionContextSchema = z.looseObject({
  attributes: z.optional(
    z.looseObject({
      mfaAuthenticated: z.optional(looseBoolean),
      creationDate: text, // ISO basic or extended form in the wild: kept as text
    }),
  ),
  sessionIssuer: z.optional(
    z.looseObject({
      type: text, // `Root` for FederatedUser sessions obtained with root credentials (GetFederationToken)
      principalId: text,
      arn: text,
      accountId: text,
      userName: text,
    }),
  ),
  assumedRoot: z.optional(looseBoolean),
  signInSessionArn: text,
});

/**
 * `userIdentity`. `type` is optional because `AwsServiceEvent` records may carry only
 * `accountId` and `invokedBy` (S16). `accountId` is kept as given: 12 digits in AWS data, but
 * anonymised sources write `"xx"` or `"redacted"` and rejecting them would lose the record.
 */
const UserIdentitySchema = z.looseObject({
  type: text,
  principalId: text, // the account id in current root examples, an AIDA placeholder in Doc-2023 ones
  arn: text, // may be "" on failed sign-ins (S18)
  accountId: text,
  accessKeyId: text, // "" on ConsoleLogin; ASIA… temporary; AKIA… long-term
  userName: text, // the account alias, when type is Root and an alias is set
  invokedBy: text, // an AWS service, or `signin.amazonaws.com` on 2018–2020 console sessions (S09, S10)
  sessionContext: z.optional(SessionContextSchema),
});

/**
 * One CloudTrail record (an element of `Records[]`, or an EventBridge `detail`). Only what the
 * detector reads is checked; everything else passes through unchanged.
 * @example
 * { "eventVersion": "1.08", "eventTime": "2023-07-13T03:04:43Z", "eventID": "e0176723-…",
 *   "eventSource": "signin.amazonaws.com", "eventName": "ConsoleLogin", "eventType": "AwsConsoleSignIn",
 *   "awsRegion": "us-east-1", "sourceIPAddress": "192.0.2.0",
 *   "userIdentity": { "type": "Root", "arn": "arn:aws:iam::444455556666:root", "accountId": "444455556666" },
 *   "responseElements": { "ConsoleLogin": "Success" }, "additionalEventData": { "MFAUsed": "Yes" } }
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 */
const CloudTrailRecordSchema = z.looseObject({
  eventVersion: z.optional(EventVersionSchema),
  eventTime: z.iso.datetime({ offset: true }),
  eventID: z.string().check(z.minLength(1)),
  eventSource: z.string().check(z.minLength(1)),
  eventName: z.string().check(z.minLength(1)),
  eventType: text, // AwsApiCall, AwsConsoleSignIn, AwsConsoleAction, AwsServiceEvent, …
  awsRegion: text, // free text: EventBridge copies of sign-ins have said "global" (S06, S20)
  sourceIPAddress: text, // an IP, or a service DNS name, or "AWS Internal"
  userAgent: text,
  errorCode: z.nullish(z.string()),
  errorMessage: z.nullish(z.string()),
  requestParameters: z.nullish(plainObject), // null on ConsoleLogin and many read-only calls
  responseElements: z.nullish(plainObject), // null for read-only APIs
  additionalEventData: z.nullish(plainObject), // MFAUsed, MFAIdentifier, LoginTo on sign-ins
  readOnly: z.optional(looseBoolean),
  recipientAccountId: text, // absent on EventBridge copies captured 2016–2021 (S05–S09)
  sharedEventID: text, // same on every copy of an event delivered to several accounts
  sessionCredentialFromConsole: z.optional(looseBoolean), // "true" in CloudTrail, true in some vendors' copies
  userIdentity: UserIdentitySchema,
});

type CloudTrailRecord = z.infer<typeof CloudTrailRecordSchema>;
type UserIdentity = z.infer<typeof UserIdentitySchema>;
type SessionContext = z.infer<typeof SessionContextSchema>;

export { CloudTrailRecordSchema, UserIdentitySchema, SessionContextSchema, EventVersionSchema };
export type { CloudTrailRecord, UserIdentity, SessionContext };
