import * as z from 'zod/mini';
import './zod-english.ts';

/** The envelope's fields, shared by the generic and the CloudTrail envelope. */
const envelopeFields = {
  version: z.optional(z.string()),
  id: z.optional(z.string()),
  'detail-type': z.string(),
  source: z.optional(z.string()),
  account: z.optional(z.string()),
  time: z.optional(z.string()),
  region: z.optional(z.string()),
  resources: z.optional(z.array(z.string())),
  detail: z.unknown(),
};

/**
 * The envelope EventBridge wraps around every event. Only `detail-type` and `detail` are needed
 * to recognise one; `account` and `region` are fallbacks for records that lack
 * `recipientAccountId` or say `awsRegion: "global"`.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-events-structure.html
 */
const EventBridgeEnvelopeSchema = z.looseObject(envelopeFields);

type EventBridgeEnvelope = z.infer<typeof EventBridgeEnvelopeSchema>;

export { EventBridgeEnvelopeSchema, envelopeFields };
export type { EventBridgeEnvelope };
