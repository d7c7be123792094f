import * as z from 'zod/mini';
import type { looseObject, object } from './jit-object.ts';
import { IsoDateTimeSchema } from './iso-datetime.ts';
import './zod-english.ts';

/**
 * Tolerant scalars: CloudTrail and the vendors that re-ship its records disagree on types
 * (Panther fixtures turn `"true"` into `true`; S08's publisher title-cased `mfaAuthenticated`).
 * Booleans are interpreted by the detector, case-insensitively, never rejected here.
 */
// A custom check, not z.union: a union tries `boolean` first and pays for a failed parse on every string.
const looseBoolean = z.custom<boolean | string>(
  (value) => typeof value === 'boolean' || typeof value === 'string',
  {
    error: 'expected a boolean or a string',
  },
);
const text = z.optional(z.string());
const plainObject = z.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  { error: 'expected an object' },
);

/** `major.minor`, compared as numbers by whoever needs to; never an enum ([CT-REC]: current is 1.11). */
const EventVersionSchema = z.string().check(z.regex(/^\d+\.\d+$/, { error: 'expected "major.minor"' }));

type ObjectOf = typeof looseObject | typeof object;

/**
 * The record's schema tree, built with one kind of object: loose for the public contract, stripped
 * for the detector's hot path (see `CloudTrailRecordCheck`). One definition, so the two never drift.
 */
const recordSchema = <O extends ObjectOf>(objectOf: O) => {
  /**
   * `userIdentity.sessionContext`. `sessionIssuer` and `webIdFederationData` are empty objects on
   * root console sessions (S07, S08); `assumedRoot` appears on the caller's `AssumeRoot` record
   * (S13), and `signInSessionArn` on API calls made under a console sign-in session.
   */
  const sessionContext = objectOf({
    attributes: z.optional(
      objectOf({
        mfaAuthenticated: z.optional(looseBoolean),
        creationDate: text, // when the session's credentials were issued: ISO basic or extended form (S07)
      }),
    ),
    // `Root` for FederatedUser sessions obtained with root credentials (GetFederationToken)
    sessionIssuer: z.optional(objectOf({ type: text })),
    assumedRoot: z.optional(looseBoolean),
    signInSessionArn: text,
  });
  /**
   * `userIdentity`. `type` is optional because `AwsServiceEvent` records may carry only
   * `accountId` and `invokedBy` (S16). `accountId` is kept as given: 12 digits in AWS data, but
   * anonymised sources write `"xx"` or `"redacted"` and rejecting them would lose the record.
   * `principalId` is not read, so not checked (an account id in current examples, an AIDA
   * placeholder in Doc-2023 ones).
   */
  const userIdentity = objectOf({
    type: text,
    arn: text, // may be "" on failed sign-ins (S18)
    accountId: text,
    accessKeyId: text, // "" on ConsoleLogin; ASIA… temporary; AKIA… long-term
    userName: text, // the account alias, when type is Root and an alias is set
    invokedBy: text, // an AWS service, or `signin.amazonaws.com` on 2018–2020 console sessions (S09, S10)
    sessionContext: z.optional(sessionContext),
  });
  return objectOf({
    eventVersion: EventVersionSchema, // on every record (cloudtrail-record-basis.ts)
    eventTime: IsoDateTimeSchema,
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
    userIdentity,
  });
};

export { recordSchema, EventVersionSchema };
