import type { Finding, Severity } from '../../schemas/finding.ts';
import { COMPLETENESS_METRICS } from '../../schemas/completeness-metrics.ts';
import type { CompletenessRun } from '../../schemas/record-entry.ts';
import { embeddedMetrics } from '../../adapters/embedded-metrics.ts';
import type { Logger } from '../../adapters/logger.ts';
import { pages } from '../root-activity/plan-delivery.ts';

interface RunReport {
  result: Omit<CompletenessRun, 'kind'>;
  missed: readonly Finding[];
  alertMinSeverity: Severity;
  trigger: 'scheduled' | 'requested';
  problems: readonly string[];
  /** The Lambda function's name: the metrics' dimension, which the alarms name. */
  functionName: string | undefined;
  at: Date;
}

/**
 * What a run tells operations in the function's log: one line per missed event (ids and where it
 * was found, never the event), the metrics in embedded metric format, and the run's summary, as a
 * warning with the reason when the run is incomplete.
 */
const reportRun = (log: Logger, report: RunReport): void => {
  const { result } = report;
  for (const finding of report.missed) {
    log.warn(
      {
        eventId: finding.eventId,
        severity: finding.severity,
        account: finding.account,
        eventName: finding.eventName,
        object: finding.lateDetection?.object,
        alerted: pages(finding, report.alertMinSeverity),
      },
      'root event missed by the live path',
    );
  }
  log.info(
    embeddedMetrics(
      COMPLETENESS_METRICS.namespace,
      { [COMPLETENESS_METRICS.dimension]: report.functionName ?? 'rootwatch-completeness' },
      {
        [COMPLETENESS_METRICS.missed]: result.missed,
        [COMPLETENESS_METRICS.complete]: result.complete ? 1 : 0,
        [COMPLETENESS_METRICS.unreadable]: result.objectsUnreadable,
        [COMPLETENESS_METRICS.scanned]: result.objectsScanned,
      },
      report.at.getTime(),
    ),
    'completeness metrics',
  );
  const summary = { ...result, trigger: report.trigger, problems: report.problems };
  if (result.complete) log.info(summary, 'completeness scan done');
  else if (result.objectsScanned === 0 && !result.stoppedEarly && result.objectsUnreadable === 0)
    log.warn(
      summary,
      'completeness scan incomplete: no trail object was delivered in the window (check the bucket, the prefix and the trail)',
    );
  else log.warn(summary, 'completeness scan incomplete');
};

export { reportRun };
export type { RunReport };
