import type * as z from 'zod/mini';
import { recordSchema } from './cloudtrail-record-shape.ts';
import { looseObject } from './jit-object.ts';

/**
 * One CloudTrail record (an element of `Records[]`, or an EventBridge `detail`). Only what the
 * detector reads is checked (a real record is never rejected for a field rootwatch ignores);
 * everything else passes through unchanged.
 * @example
 * { "eventVersion": "1.08", "eventTime": "2023-07-13T03:04:43Z", "eventID": "e0176723-…",
 *   "eventSource": "signin.amazonaws.com", "eventName": "ConsoleLogin", "eventType": "AwsConsoleSignIn",
 *   "awsRegion": "us-east-1", "sourceIPAddress": "192.0.2.0",
 *   "userIdentity": { "type": "Root", "arn": "arn:aws:iam::444455556666:root", "accountId": "444455556666" },
 *   "responseElements": { "ConsoleLogin": "Success" }, "additionalEventData": { "MFAUsed": "Yes" } }
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html
 */
const CloudTrailRecordSchema = recordSchema(looseObject);

type CloudTrailRecord = z.infer<typeof CloudTrailRecordSchema>;
type UserIdentity = CloudTrailRecord['userIdentity'];
type SessionContext = NonNullable<UserIdentity['sessionContext']>;

export { CloudTrailRecordSchema };
export { EventVersionSchema } from './cloudtrail-record-shape.ts';
export type { CloudTrailRecord, UserIdentity, SessionContext };
