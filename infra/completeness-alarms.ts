import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { COMPLETENESS_METRICS } from '../schemas/completeness-metrics.ts';
import { operationsAlarm } from './operations-alarm.ts';

interface CompletenessAlarmsProps {
  readonly function: lambda.IFunction;
  readonly operationsTopic: sns.ITopic;
  /** Hours between runs: the overdue alarm allows this and two more. */
  readonly windowHours: number;
}

type CompletenessAlarmName = 'missedRootEvents' | 'incompleteScan' | 'scanOverdue' | 'scanErrors';

/**
 * Operations alarms on the completeness scan, from the metrics each run publishes in its log
 * (embedded metric format, `FunctionName` dimension) and from Lambda's own:
 * - `missedRootEvents`: a run found root events the live path missed (recorded and alerted to the
 *   SOC; operations learn that delivery lost events, or that an account or Region forwards nothing);
 * - `incompleteScan`: a run could not read every object of its window, stopped at its deadline, or
 *   found no object at all (a wrong bucket or prefix, a trail that stopped logging);
 * - `scanOverdue`: no complete run for the window's length and two hours: it did not run, failed,
 *   or was incomplete (missing data breaches, as for the heartbeat);
 * - `scanErrors`: an invocation failed (Lambda retries it, then keeps it in the dead-letter queue).
 */
class CompletenessAlarms extends Construct {
  readonly alarms: Record<CompletenessAlarmName, cloudwatch.Alarm>;

  constructor(scope: Construct, id: string, props: CompletenessAlarmsProps) {
    super(scope, id);
    const metric = (metricName: string, statistic: string) =>
      new cloudwatch.Metric({
        namespace: COMPLETENESS_METRICS.namespace,
        metricName,
        dimensionsMap: { [COMPLETENESS_METRICS.dimension]: props.function.functionName },
        period: Duration.hours(1),
        statistic,
      });
    const overdueHours = props.windowHours + 2;
    const below = cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD;
    const topic = props.operationsTopic;
    this.alarms = {
      missedRootEvents: operationsAlarm(this, 'MissedRootEvents', {
        metric: metric(COMPLETENESS_METRICS.missed, cloudwatch.Stats.SUM),
        description:
          'The completeness scan found root events the live path missed (best-effort delivery, or an account or Region without a forwarder): they are recorded with lateDetection and alerted; see its log.',
        topic,
      }),
      incompleteScan: operationsAlarm(this, 'IncompleteScan', {
        metric: metric(COMPLETENESS_METRICS.complete, cloudwatch.Stats.MINIMUM),
        description:
          'A completeness run could not read every trail object of its window, stopped at its deadline, or found none: see "completeness scan incomplete" in its log, and re-run the window.',
        topic,
        comparison: below,
      }),
      scanOverdue: operationsAlarm(this, 'ScanOverdue', {
        metric: metric(COMPLETENESS_METRICS.complete, cloudwatch.Stats.SUM),
        description: `No complete completeness run for ${overdueHours} hours: it did not run, failed or was incomplete.`,
        topic,
        comparison: below,
        evaluationPeriods: overdueHours,
        missing: cloudwatch.TreatMissingData.BREACHING,
        notifyOk: true,
      }),
      scanErrors: operationsAlarm(this, 'ScanErrors', {
        metric: props.function.metricErrors({ period: Duration.hours(1) }),
        description:
          'A completeness run failed (reading the records, alerting or recording); Lambda retries it, then keeps it in the dead-letter queue.',
        topic,
      }),
    };
  }
}

export { CompletenessAlarms };
export type { CompletenessAlarmsProps, CompletenessAlarmName };
