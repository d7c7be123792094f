import * as z from 'zod/mini';
import { CloudTrailRecordSchema } from './cloudtrail-record.ts';
import { envelopeFields } from './eventbridge-envelope.ts';

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
const CloudTrailEnvelopeSchema = z.looseObject({ ...envelopeFields, detail: CloudTrailRecordSchema });

type CloudTrailEnvelope = z.infer<typeof CloudTrailEnvelopeSchema>;

export { CloudTrailEnvelopeSchema };
export type { CloudTrailEnvelope };
