import * as z from 'zod/mini';
import { IsoDateTimeSchema } from './iso-datetime.ts';
import './zod-english.ts';

/**
 * The synthetic event a daily schedule sends straight to the function (never through a bus: an
 * `aws.*` source cannot be put on one), so that function, record and alert path are exercised end
 * to end. The function records it and puts a `Rootwatch Heartbeat` event on the alert bus, where
 * only the heartbeat alarm listens.
 * @example { "source": "rootwatch.heartbeat", "detail-type": "Rootwatch Heartbeat", "time": "2026-11-29T06:00:00Z" }
 */
const HeartbeatEventSchema = z.object({
  source: z.literal('rootwatch.heartbeat'),
  'detail-type': z.literal('Rootwatch Heartbeat'),
  time: z.optional(IsoDateTimeSchema),
});

type HeartbeatEvent = z.infer<typeof HeartbeatEventSchema>;

export { HeartbeatEventSchema };
export type { HeartbeatEvent };
