import * as z from 'zod/mini';
import './zod-english.ts';
import { CloudTrailRecordSchema } from './cloudtrail-record.ts';

/**
 * The envelope EventBridge wraps around every event. Only `detail-type` and `detail` are needed
 * to recognise one; `account` and `region` are fallbacks for records that lack
 * `recipientAccountId` or say `awsRegion: "global"`.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-events-structure.html
 */
const EventBridgeEnvelopeSchema = z.looseObject({
  version: z.optional(z.string()),
  id: z.optional(z.string()),
  'detail-type': z.string(),
  source: z.optional(z.string()),
  account: z.optional(z.string()),
  time: z.optional(z.string()),
  region: z.optional(z.string()),
  resources: z.optional(z.array(z.string())),
  detail: z.unknown(),
});

/**
 * A CloudTrail event as an EventBridge rule delivers it: the record is the `detail`.
 * `detail-type` is free text: CloudTrail sends several (`AWS API Call via CloudTrail`,
 * `AWS Console Sign In via CloudTrail`, …) and the pattern, not the schema, decides which reach us.
 * @example
 * { "version": "0", "id": "449af688-…", "detail-type": "AWS Console Sign In via CloudTrail",
 *   "source": "aws.signin", "account": "123412341234", "time": "2021-04-08T15:24:47Z",
 *   "region": "us-east-1", "resources": [], "detail": { "eventName": "ConsoleLogin", … } }
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-service-event-cloudtrail.html
 */
const CloudTrailEnvelopeSchema = z.looseObject({
  ...EventBridgeEnvelopeSchema.def.shape,
  detail: CloudTrailRecordSchema,
});

type EventBridgeEnvelope = z.infer<typeof EventBridgeEnvelopeSchema>;
type CloudTrailEnvelope = z.infer<typeof CloudTrailEnvelopeSchema>;

export { EventBridgeEnvelopeSchema, CloudTrailEnvelopeSchema };
export type { EventBridgeEnvelope, CloudTrailEnvelope };
