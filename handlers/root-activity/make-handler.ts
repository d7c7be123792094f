import type { Detector } from '../../detection/detector.ts';
import type { IncidentTracker } from '../../incidents/incident-tracker.ts';
import { field } from '../../detection/root-relation.ts';
import { ALERT_DETAIL_TYPES } from '../../schemas/alert-event.ts';
import type { Severity } from '../../schemas/finding.ts';
import { HeartbeatEventSchema } from '../../schemas/heartbeat-event.ts';
import { claimsLiveness } from '../../schemas/liveness-event.ts';
import type { LivenessStore } from '../../scan/coverage/liveness-store.ts';
import type { AlertSink } from '../../adapters/alert-sink.ts';
import type { Logger } from '../../adapters/logger.ts';
import type { RecordSink } from '../../adapters/record-sink.ts';
import type { SuppressionRule } from '../../schemas/suppression-config.ts';
import { detectWithState } from './enrich-detection.ts';
import { heartbeatRecord } from './heartbeat.ts';
import { hearLiveness } from './liveness.ts';
import type { Delivery } from './plan-delivery.ts';
import { planDelivery, recordedEvent } from './plan-delivery.ts';
import { budgetSignal } from '../invocation-budget.ts';
import type { RemainingTime } from '../invocation-budget.ts';

interface HandlerDeps {
  detector: Detector;
  records: RecordSink;
  alerts: AlertSink;
  logger: Logger;
  alertMinSeverity: Severity;
  /** Incidents shared by every invocation (DynamoDB), so that one root session pages once. */
  incidents?: IncidentTracker | undefined;
  /** Approved exceptions: suppressed findings are recorded, not alerted. */
  suppressions?: readonly SuppressionRule[] | undefined;
  /** Where each forwarder's liveness is noted (DynamoDB); without it, liveness is only recorded. */
  liveness?: LivenessStore | undefined;
  now?: () => Date;
}

/** The part of the Lambda context the handler reads. */
interface InvocationContext extends RemainingTime {
  awsRequestId?: string;
  invokedFunctionArn?: string;
}

/**
 * How long before the invocation's end its AWS calls give up (handlers/invocation-budget.ts): the
 * incident lookup, the record and the alert stop `DELIVERY_MARGIN_MS` before it, which leaves the
 * note that an alert went out (`alertSent`) until `NOTE_MARGIN_MS` before it, and the handler the
 * rest to log the failure and fail the invocation, so that Lambda retries it rather than timing out.
 */
const DELIVERY_MARGIN_MS = 2_000;
const NOTE_MARGIN_MS = 500;

interface HandlerResult {
  kind: Delivery['entry']['kind'];
  eventId?: string;
  alerted: number;
}

class DeliveryError extends AggregateError {
  override name = 'DeliveryError';
}

const detailOf = (event: unknown): unknown => field(event, 'detail') ?? event;

const deliveryFor = async (
  event: unknown,
  deps: HandlerDeps,
  context: InvocationContext,
  budget: { signal?: AbortSignal },
): Promise<Delivery> => {
  const now = deps.now ?? (() => new Date());
  if (claimsLiveness(event)) {
    const hearing = hearLiveness(event, now());
    return hearing.kind === 'heard'
      ? { entry: hearing.heard, alerts: [] }
      : {
          entry: { kind: 'invalid-event', issues: hearing.issues, event: recordedEvent(event) },
          alerts: [],
        };
  }
  const heartbeat = HeartbeatEventSchema.safeParse(event);
  if (!heartbeat.success) {
    const { detection, relabelled } = await detectWithState(event, { ...deps, now }, budget);
    return planDelivery(detection, event, deps.alertMinSeverity, relabelled);
  }
  const detection = deps.detector.detect(heartbeatRecord(heartbeat.data, now(), context.invokedFunctionArn));
  if (detection.kind !== 'finding')
    throw new Error(`heartbeat did not classify: ${JSON.stringify(detection)}`);
  return {
    entry: { kind: 'heartbeat', time: detection.finding.time, finding: detection.finding },
    alerts: [{ detailType: ALERT_DETAIL_TYPES.heartbeat, detail: detection.finding }],
  };
};

/**
 * The Lambda handler: one EventBridge event (a CloudTrail record in `detail`), a forwarder's
 * liveness event (recorded, and noted in the liveness store), or the heartbeat.
 * Validates and classifies with the same detector as `rootwatch classify`, then records the result
 * and sends its alerts concurrently. An invalid event is recorded and the invocation succeeds (it
 * will never become valid); when a sink still fails after its retries, the invocation fails, so
 * that Lambda's asynchronous retries and the dead-letter queue keep the event. Every AWS call is
 * budgeted against the invocation's remaining time, and the note that a page went out is written as
 * soon as the alert is accepted, before the record is waited for: a retry then does not page again.
 */
const makeHandler =
  (deps: HandlerDeps) =>
  async (event: unknown, context: InvocationContext = {}): Promise<HandlerResult> => {
    const started = performance.now();
    const eventId = field(detailOf(event), 'eventID');
    const log = deps.logger.child({
      awsRequestId: context.awsRequestId,
      eventId: typeof eventId === 'string' ? eventId : undefined,
    });
    const signal = budgetSignal(context, DELIVERY_MARGIN_MS);
    const budget = signal ? { signal } : {};
    const delivery = await deliveryFor(event, deps, context, budget);
    const { entry, alerts } = delivery;
    if (entry.kind === 'invalid-event')
      log.warn({ issues: entry.issues }, 'invalid event: recorded, not retried');
    const finding = entry.kind === 'finding' || entry.kind === 'heartbeat' ? entry.finding : undefined;
    const paged = finding?.incident && finding.incident.alert !== 'update' ? finding : undefined;
    const alerted = deps.alerts.send(alerts, budget).then(async () => {
      if (!deps.incidents || !paged) return;
      // Even when the record fails: the retry must not page again. Not fatal: the alert is out, and
      // only a redelivery of this event would page again (and carry the same id for the notifier).
      const noteSignal = budgetSignal(context, NOTE_MARGIN_MS);
      await deps.incidents
        .alertSent(paged, noteSignal ? { signal: noteSignal } : {})
        .catch((error: unknown) => log.warn({ err: error }, 'could not note that the alert was sent'));
    });
    const results = await Promise.allSettled([
      deps.records.write([entry], budget),
      alerted,
      ...(entry.kind === 'liveness' && deps.liveness ? [deps.liveness.heard(entry)] : []),
    ]);
    const failures = results.flatMap((result) =>
      result.status === 'rejected' ? [result.reason as unknown] : [],
    );
    if (failures.length) {
      log.error(
        { err: failures[0], failures: failures.length },
        'delivery failed: the invocation fails so that Lambda retries it',
      );
      throw new DeliveryError(
        failures,
        `rootwatch could not deliver ${entry.kind} (${failures.length} sink failures)`,
      );
    }
    log.info(
      {
        kind: entry.kind,
        ...(finding && {
          severity: finding.severity,
          credential: finding.credential,
          activity: finding.activity,
          ...(finding.incident && { incidentId: finding.incident.id, incidentAlert: finding.incident.alert }),
          ...(finding.suppression && { suppressedBy: finding.suppression.ruleId }),
        }),
        ...(entry.kind === 'ignored' && { reason: entry.reason }),
        ...(entry.kind === 'liveness' && { account: entry.account, region: entry.region }),
        alerted: alerts.length,
        durationMs: Math.round(performance.now() - started),
      },
      'handled',
    );
    return { kind: entry.kind, ...(typeof eventId === 'string' ? { eventId } : {}), alerted: alerts.length };
  };

export { makeHandler, DeliveryError, DELIVERY_MARGIN_MS, NOTE_MARGIN_MS };
export type { HandlerDeps, HandlerResult, InvocationContext };
