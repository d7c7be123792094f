import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

/**
 * The CIS metric filter, character for character: Security Hub's CloudWatch.1 check looks for this
 * exact pattern ("additional fields or terms cannot be added", DOMAIN.md §7.2).
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html#cloudwatch-1
 */
const CIS_ROOT_USAGE_PATTERN =
  '{$.userIdentity.type="Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !="AwsServiceEvent"}';

interface CisRootUsageAlarmProps {
  /** The log group that receives the multi-Region CloudTrail trail, in this account and Region. */
  readonly trailLogGroup: logs.ILogGroup;
  /** Where the alarm notifies: Security Hub also wants the topic to have a subscriber. */
  readonly topic: sns.ITopic;
}

/**
 * CIS AWS Foundations 1.2.0 3.3 / 1.4.0 4.3: a metric filter on the trail's log group and an alarm
 * on any match (sum over 5 minutes ≥ 1, as the CIS remediation writes it), so that Security Hub's
 * CloudWatch.1 passes for those who track it. rootwatch's own rule sees more (legacy console
 * sessions, root-issued federation sessions); this is the benchmark's check, not a replacement.
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html
 */
class CisRootUsageAlarm extends Construct {
  readonly metricFilter: logs.MetricFilter;
  readonly alarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: CisRootUsageAlarmProps) {
    super(scope, id);
    this.metricFilter = new logs.MetricFilter(this, 'MetricFilter', {
      logGroup: props.trailLogGroup,
      filterPattern: logs.FilterPattern.literal(CIS_ROOT_USAGE_PATTERN),
      metricNamespace: 'CISLogMetrics',
      metricName: 'RootAccountUsage',
      metricValue: '1',
    });
    this.alarm = new cloudwatch.Alarm(this, 'Alarm', {
      alarmDescription: 'CIS: the root user was used (metric filter on the CloudTrail log group)',
      metric: this.metricFilter.metric({ period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM }),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.alarm.addAlarmAction(new actions.SnsAction(props.topic));
  }
}

export { CisRootUsageAlarm, CIS_ROOT_USAGE_PATTERN };
export type { CisRootUsageAlarmProps };
