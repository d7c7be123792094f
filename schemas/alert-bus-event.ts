import * as z from 'zod/mini';
import { ALERT_DETAIL_TYPES, ALERT_SOURCE } from './alert-event.ts';
import { CoverageAlertDetailSchema } from './coverage-alert.ts';
import { FindingSchema } from './finding.ts';
import { IsoDateTimeSchema } from './iso-datetime.ts';
import { PostureAlertDetailSchema } from './posture-alert.ts';
import './zod-english.ts';

/**
 * An alert as a rule on the alert bus delivers it to a function: the EventBridge envelope (only
 * what is read is checked; `time` is when the alert was put on the bus) around a finding, a
 * posture alert or a coverage gap, told apart by `detail-type`.
 */
const AlertBusEventSchema = z.discriminatedUnion('detail-type', [
  z.looseObject({
    source: z.literal(ALERT_SOURCE),
    'detail-type': z.literal(ALERT_DETAIL_TYPES.finding),
    time: z.optional(IsoDateTimeSchema),
    detail: FindingSchema,
  }),
  z.looseObject({
    source: z.literal(ALERT_SOURCE),
    'detail-type': z.literal(ALERT_DETAIL_TYPES.posture),
    time: z.optional(IsoDateTimeSchema),
    detail: PostureAlertDetailSchema,
  }),
  z.looseObject({
    source: z.literal(ALERT_SOURCE),
    'detail-type': z.literal(ALERT_DETAIL_TYPES.coverage),
    time: z.optional(IsoDateTimeSchema),
    detail: CoverageAlertDetailSchema,
  }),
]);

type AlertBusEvent = z.infer<typeof AlertBusEventSchema>;

export { AlertBusEventSchema };
export type { AlertBusEvent };
