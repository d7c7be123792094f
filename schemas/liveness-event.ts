import * as z from 'zod/mini';
import { IsoDateTimeSchema } from './iso-datetime.ts';
import './zod-english.ts';

/**
 * The forwarder's liveness event: each forwarder stack's EventBridge Scheduler schedule puts it on
 * its own account's default bus, where the forwarder's root-activity rule sends it on to the ingest
 * bus like a root event (docs/coverage.md). A custom source: PutEvents refuses `aws.*` sources to
 * every caller, Scheduler included [EB-PUT].
 */
const LIVENESS_SOURCE = 'rootwatch.liveness';
const LIVENESS_DETAIL_TYPE = 'Rootwatch Forwarder Liveness';

const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
/** `arn:<partition>:scheduler:<region>:<account>:schedule/<group>/<name>` [SCHED-ARN]. */
const SCHEDULE_ARN = /^arn:aws[\w-]*:scheduler:([a-z0-9-]+):(\d{12}):schedule\/[\w.-]+\/[\w.-]+$/;

/**
 * A liveness event as the detector receives it. Strict where the forwarder is exact: the source,
 * the detail-type, one resource (the schedule's ARN, which the schedule fills in from its context
 * attribute `<aws.scheduler.schedule-arn>`), and a detail of the scheduled time alone. Anything else
 * claiming the source is refused, and recorded as invalid.
 *
 * What is recorded as heard is the envelope's `account` and `region`, never what the event says
 * about itself: EventBridge sets `account` to the account that called PutEvents (a
 * `PutEventsRequestEntry` has no account field), and a forwarded event keeps it [EB-PUT], [EB-XACCT].
 * The schedule ARN must name that same account and Region, so a liveness event copied from one
 * account cannot be replayed as another's.
 * @example { "version": "0", "id": "5f1c…", "detail-type": "Rootwatch Forwarder Liveness", "source": "rootwatch.liveness", "account": "111122223333", "time": "2026-11-29T06:00:01Z", "region": "eu-west-1", "resources": ["arn:aws:scheduler:eu-west-1:111122223333:schedule/default/RootwatchForwarder-Liveness-1A2B3C"], "detail": { "scheduledTime": "2026-11-29T06:00:00Z" } }
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-schedule-context-attributes.html
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEventsRequestEntry.html
 */
const ForwarderLivenessEventSchema = z
  .looseObject({
    id: z.optional(z.string()),
    source: z.literal(LIVENESS_SOURCE),
    'detail-type': z.literal(LIVENESS_DETAIL_TYPE),
    account: z.string().check(z.regex(ACCOUNT, { error: 'expected a 12-digit account id' })),
    region: z.string().check(z.regex(REGION, { error: 'expected an AWS Region' })),
    time: IsoDateTimeSchema,
    // A tuple: exactly the schedule ARN, nothing more.
    resources: z.tuple([
      z.string().check(z.regex(SCHEDULE_ARN, { error: 'expected an EventBridge Scheduler ARN' })),
    ]),
    detail: z.strictObject({ scheduledTime: IsoDateTimeSchema }),
  })
  .check(
    z.refine(
      (event) => {
        const [, region, account] = SCHEDULE_ARN.exec(event.resources[0]) ?? [];
        return region === event.region && account === event.account;
      },
      { error: "the schedule ARN must name the event's own account and Region", path: ['resources', 0] },
    ),
  );

type ForwarderLivenessEvent = z.infer<typeof ForwarderLivenessEventSchema>;

/** Whether an event claims to be a liveness event (it then passes the schema, or is refused). */
const claimsLiveness = (event: unknown): boolean =>
  typeof event === 'object' &&
  event !== null &&
  ((event as Record<string, unknown>).source === LIVENESS_SOURCE ||
    (event as Record<string, unknown>)['detail-type'] === LIVENESS_DETAIL_TYPE);

export { ForwarderLivenessEventSchema, LIVENESS_SOURCE, LIVENESS_DETAIL_TYPE, claimsLiveness };
export type { ForwarderLivenessEvent };
