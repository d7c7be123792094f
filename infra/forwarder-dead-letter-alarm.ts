import { Aws, CfnCondition, Duration, Fn, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

interface ForwarderDeadLetterAlarmProps {
  readonly deadLetterQueue: sqs.IQueue;
  /** An SNS topic ARN in this Region (a parameter's token), or empty for none. */
  readonly topicArn: string;
}

/**
 * An alarm on the forwarder's dead-letter queue: root events (or liveness events) that EventBridge
 * or Scheduler could not deliver to the ingest bus wait there, and only the completeness scan would
 * otherwise find them. The alarm lives where the queue's metric is (SQS metrics stay in their
 * account and Region) and notifies the optional topic, which must be in the same Region as the
 * alarm. The security account learns of the same failure without it: the liveness events fail on
 * the same path, and the coverage check reports the place silent (docs/coverage.md).
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-available-cloudwatch-metrics.html
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Notify_Users_Alarm_Changes.html
 */
class ForwarderDeadLetterAlarm extends Construct {
  readonly alarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: ForwarderDeadLetterAlarmProps) {
    super(scope, id);
    this.alarm = new cloudwatch.Alarm(this, 'Alarm', {
      metric: props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: cloudwatch.Stats.MAXIMUM,
      }),
      alarmDescription: Fn.sub(
        'rootwatch forwarder in ${AWS::AccountId}/${AWS::Region}: events could not be delivered to the detector ingest bus and wait in the dead-letter queue (see ERROR_CODE in their attributes; redrive them once fixed).',
      ),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    const hasTopic = new CfnCondition(this, 'HasTopic', {
      expression: Fn.conditionNot(Fn.conditionEquals(props.topicArn, '')),
    });
    const alarm = this.alarm.node.defaultChild as cloudwatch.CfnAlarm;
    alarm.alarmActions = Fn.conditionIf(
      hasTopic.logicalId,
      [props.topicArn],
      Aws.NO_VALUE,
    ) as unknown as string[];
    Validations.of(this).acknowledge({
      id: 'CloudFormation-Validate::W1030',
      reason:
        "The parameter's empty default never reaches AlarmActions: the HasTopic condition leaves the property out unless a topic ARN is given.",
    });
  }
}

export { ForwarderDeadLetterAlarm };
