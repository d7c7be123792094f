import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';

interface OperationsAlarmProps {
  readonly metric: cloudwatch.IMetric;
  /** What went wrong and where to look: the alarm's description, in the operations email. */
  readonly description: string;
  /** The operations topic, notified when the alarm fires. */
  readonly topic: sns.ITopic;
  /**
   * How the metric compares with the threshold of 1.
   * @default cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD
   */
  readonly comparison?: cloudwatch.ComparisonOperator;
  /**
   * The periods evaluated, every one of which must breach.
   * @default 1
   */
  readonly evaluationPeriods?: number;
  /** @default cloudwatch.TreatMissingData.NOT_BREACHING */
  readonly missing?: cloudwatch.TreatMissingData;
  /**
   * Notify the topic also when the alarm returns to OK: for an alarm on something that stopped (a
   * heartbeat, a scheduled run), whose recovery operations want to hear of.
   * @default false
   */
  readonly notifyOk?: boolean;
}

/**
 * An alarm on rootwatch's own health that notifies operations: a threshold of 1 (one or more by
 * default), every evaluated period breaching, missing data not breaching unless said otherwise.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html
 */
const operationsAlarm = (scope: Construct, id: string, props: OperationsAlarmProps): cloudwatch.Alarm => {
  const evaluationPeriods = props.evaluationPeriods ?? 1;
  const alarm = new cloudwatch.Alarm(scope, id, {
    metric: props.metric,
    alarmDescription: props.description,
    threshold: 1,
    comparisonOperator: props.comparison ?? cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    evaluationPeriods,
    datapointsToAlarm: evaluationPeriods,
    treatMissingData: props.missing ?? cloudwatch.TreatMissingData.NOT_BREACHING,
  });
  alarm.addAlarmAction(new actions.SnsAction(props.topic));
  if (props.notifyOk) alarm.addOkAction(new actions.SnsAction(props.topic));
  return alarm;
};

export { operationsAlarm };
export type { OperationsAlarmProps };
