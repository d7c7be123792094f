import * as z from 'zod/mini';
import type { RecordedIds } from '../../scan/completeness/missed-events.ts';
import { lateFinding, missedEvents } from '../../scan/completeness/missed-events.ts';
import type { PlanSettings, ScanPlan, Span } from '../../scan/completeness/scan-plan.ts';
import { scanPlan } from '../../scan/completeness/scan-plan.ts';
import { groupFindings } from '../../incidents/group-findings.ts';
import { ALERT_DETAIL_TYPES } from '../../schemas/alert-event.ts';
import { CompletenessRequestSchema } from '../../schemas/completeness-request.ts';
import type { Severity } from '../../schemas/finding.ts';
import type { CompletenessRun } from '../../schemas/record-entry.ts';
import type { SuppressionRule } from '../../schemas/suppression-config.ts';
import type { AlertSink } from '../../adapters/alert-sink.ts';
import type { Logger } from '../../adapters/logger.ts';
import type { RecordSink } from '../../adapters/record-sink.ts';
import { pages } from '../root-activity/plan-delivery.ts';
import { reportRun } from './report-run.ts';
import { budgetSignal } from '../invocation-budget.ts';
import type { TrailScan } from './scan-trail.ts';

interface CompletenessDeps {
  /** Scans the trail objects of the plan; `stop` ends the listing early (the deadline). */
  scanTrail(plan: ScanPlan, stop: () => boolean): Promise<TrailScan>;
  /** What the live path recorded in the record log group, logged within `span`. */
  recorded: { recorded(span: Span, options?: { signal?: AbortSignal }): Promise<RecordedIds> };
  records: RecordSink;
  alerts: AlertSink;
  logger: Logger;
  /** The live detector's threshold: a missed event below it is recorded, not alerted. */
  alertMinSeverity: Severity;
  /** The live detector's suppression rules: a missed event they cover is recorded, not alerted. */
  suppressions?: readonly SuppressionRule[];
  settings: PlanSettings;
  now?: () => Date;
}

/** The part of the Lambda context the handler reads. */
interface CompletenessContext {
  awsRequestId?: string;
  functionName?: string;
  getRemainingTimeInMillis?: () => number;
}

/** The run's record, as the invocation's result. */
type CompletenessResult = Omit<CompletenessRun, 'kind'>;

class CompletenessRequestError extends Error {
  override name = 'CompletenessRequestError';
}

/** What the calls after the scan leave of the invocation, to log their failure and fail it. */
const AFTER_SCAN_MARGIN_MS = 2_000;

/** Time kept, out of the function's remaining time, to compare, alert and record after the scan. */
const MAX_RESERVE_MS = 180_000;
const NOTHING_RECORDED: RecordedIds = { eventIds: new Set(), sharedEventIds: new Set() };
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The completeness scan (docs/deploy-and-settings.md): CloudTrail delivers to EventBridge best effort
 * (DOMAIN.md §5), so each run reads the trail objects of its window with the archive scan core,
 * keeps the root events the rule would have delivered, compares them by event id with the live
 * path's records, and records every missed one as a finding with `lateDetection`, grouped into
 * incidents among themselves (alerting those that page: at or above the threshold, unsuppressed,
 * first or escalating in their incident), then the run itself, then its metrics.
 * The alerts go out before anything is recorded: a failure in between fails the invocation, and
 * the retry, finding no record, alerts again with the same event ids (at least once, never not at
 * all); once recorded, a missed event is the live path's equal and never pages again. An object
 * that cannot be read, or a deadline reached, makes the run incomplete, not failed: a retry would
 * meet the same; the run's metrics and record say so, and alarms tell operations.
 */
const makeCompletenessHandler =
  (deps: CompletenessDeps) =>
  async (event: unknown, context: CompletenessContext = {}): Promise<CompletenessResult> => {
    const now = deps.now ?? (() => new Date());
    const started = now();
    const request = CompletenessRequestSchema.safeParse(event ?? {});
    if (!request.success) {
      throw new CompletenessRequestError(`rootwatch: invalid request:\n${z.prettifyError(request.error)}`, {
        cause: request.error,
      });
    }
    const plan = scanPlan(request.data, started, deps.settings);
    const log = deps.logger.child({
      awsRequestId: context.awsRequestId,
      window: `${iso(plan.window.start)}/${iso(plan.window.end)}`,
    });
    const remaining = context.getRemainingTimeInMillis?.();
    const stopAt =
      remaining === undefined
        ? Infinity
        : started.getTime() + remaining - Math.min(MAX_RESERVE_MS, remaining / 4);

    const scan = await deps.scanTrail(plan, () => now().getTime() >= stopAt);
    // The calls after the scan end before the invocation does (handlers/invocation-budget.ts).
    const signal = budgetSignal(context, AFTER_SCAN_MARGIN_MS);
    const budget = signal ? { signal } : {};
    const recorded = scan.found.length
      ? await deps.recorded.recorded(plan.records, budget)
      : NOTHING_RECORDED;
    const detectedAt = now();
    // Grouped among themselves as the live path groups (a missed console session pages once, not
    // once per event), with the live path's suppression rules.
    const missed = await groupFindings(
      missedEvents(scan.found, recorded).map((entry) => lateFinding(entry, detectedAt)),
      { suppressions: deps.suppressions ?? [], now: detectedAt },
    );
    const alerts = missed
      .filter((finding) => pages(finding, deps.alertMinSeverity))
      .map((finding) => ({ detailType: ALERT_DETAIL_TYPES.finding, detail: finding }));
    await deps.alerts.send(alerts, budget);

    const result: CompletenessResult = {
      window: { start: iso(plan.window.start), end: iso(plan.window.end) },
      events: { from: iso(plan.events.from), to: iso(plan.events.to) },
      objects: { from: iso(plan.objects.from), to: iso(plan.objects.to) },
      accounts: scan.accounts,
      objectsScanned: scan.objectsScanned,
      objectsUnreadable: scan.unreadable,
      rootEvents: new Set(scan.found.map(({ finding }) => finding.eventId)).size,
      missed: missed.length,
      alerted: alerts.length,
      stoppedEarly: scan.stoppedEarly,
      complete: !scan.stoppedEarly && scan.unreadable === 0 && scan.objectsScanned > 0,
    };
    await deps.records.write(
      [
        ...missed.map((finding) => ({ kind: 'finding' as const, finding })),
        { kind: 'completeness', ...result },
      ],
      budget,
    );

    reportRun(log, {
      result,
      missed,
      alertMinSeverity: deps.alertMinSeverity,
      trigger: plan.trigger,
      problems: scan.problems,
      functionName: context.functionName,
      at: now(),
    });
    return result;
  };

export { makeCompletenessHandler, CompletenessRequestError, MAX_RESERVE_MS };
export type { CompletenessDeps, CompletenessContext, CompletenessResult };
