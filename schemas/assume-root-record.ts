import * as z from 'zod/mini';
import { EventVersionSchema } from './cloudtrail-record-shape.ts';
import { IsoDateTimeSchema } from './iso-datetime.ts';
import './zod-english.ts';

const text = z.optional(z.string());

/**
 * The `sts:AssumeRoot` call of a management-account (or delegated-admin) principal, read only to
 * learn the centralized-root session it opened: the issued key, its caller, target and task.
 * `eventID` is optional because AWS's own example omits it (S13); a failed call has no credentials.
 * @example
 * { "eventVersion": "1.09", "eventTime": "2024-10-25T20:52:11Z", "eventSource": "sts.amazonaws.com", "eventName": "AssumeRoot",
 *   "userIdentity": { "type": "AssumedRole", "arn": "arn:aws:sts::111111111111:assumed-role/JohnDoe/JohnRole1",
 *     "accountId": "111111111111", "sessionContext": { "assumedRoot": "true" } },
 *   "requestParameters": { "targetPrincipal": "222222222222",
 *     "taskPolicyArn": { "arn": "arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy" } },
 *   "responseElements": { "credentials": { "accessKeyId": "ASIAIOSFODNN7EXAMPLE", … } } }
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-track-privileged-tasks.html
 */
const AssumeRootRecordSchema = z.looseObject({
  eventVersion: EventVersionSchema,
  eventTime: IsoDateTimeSchema,
  eventID: text,
  userIdentity: z.looseObject({ type: text, arn: text, accountId: text }),
  errorCode: z.nullish(z.string()),
  errorMessage: z.nullish(z.string()),
  requestParameters: z.nullish(
    z.looseObject({
      targetPrincipal: text,
      taskPolicyArn: z.optional(z.union([z.string(), z.looseObject({ arn: text })])),
      durationSeconds: z.optional(z.number()),
    }),
  ),
  responseElements: z.nullish(
    z.looseObject({
      credentials: z.optional(z.looseObject({ accessKeyId: z.string().check(z.minLength(1)) })),
    }),
  ),
});

type AssumeRootRecord = z.infer<typeof AssumeRootRecordSchema>;

export { AssumeRootRecordSchema };
export type { AssumeRootRecord };
