import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ALERT_DETAIL_TYPES, ALERT_SOURCE } from '../schemas/alert-event.ts';
import { encryptedTopic, logGroupArn } from './encryption.ts';
import { operationalLogGroup } from './operational-log-group.ts';
import { operationsAlarm } from './operations-alarm.ts';

interface DetectorHealthProps {
  readonly function: lambda.IFunction;
  readonly deadLetterQueue: sqs.IQueue;
  readonly alertBus: events.IEventBus;
  readonly key: kms.IKey;
  readonly operationsEmails: readonly string[];
  readonly heartbeatHours: number;
  readonly heartbeatLogGroupName: string;
  readonly heartbeatLogRetention: logs.RetentionDays;
  /** Where the function records every delivered event, invalid ones as `kind: "invalid-event"`. */
  readonly recordLogGroup: logs.ILogGroup;
  /** The notifier, whose failures delay the SOC's email. */
  readonly notifier: lambda.IFunction;
  /** The Security Hub import, when deployed. */
  readonly securityHubImport?: lambda.IFunction;
  /**
   * The heartbeat schedule's name: a fixed one lets the detector's tampering check name it.
   * @default - a name CloudFormation generates
   */
  readonly heartbeatScheduleName?: string;
}

/**
 * The synthetic event of `schemas/heartbeat-event.ts`, sent straight to the function: an `aws.*`
 * source cannot travel on a bus, and this one is clearly not CloudTrail.
 */
const HEARTBEAT_INPUT = events.RuleTargetInput.fromObject({
  source: 'rootwatch.heartbeat',
  'detail-type': ALERT_DETAIL_TYPES.heartbeat,
  time: events.EventField.time,
});

/** The arrival of the heartbeat's alert, written by EventBridge to a log group of its own. */
const logGroupTarget = (scope: Construct, logGroupName: string): events.IRuleTarget => ({
  bind: () => ({ arn: logGroupArn(scope, logGroupName) }),
});

/**
 * Operations: an encrypted topic for the people who run rootwatch, alarms on function errors and
 * throttles and on dead letters, and a heartbeat that exercises function, record and alert path end
 * to end. The heartbeat's alert lands on the alert bus, where a rule of its own writes it to a log
 * group; the rule's `Invocations` metric (sent only when not zero, with the bus and rule names as
 * dimensions on a custom bus) is then missing when the heartbeat stops, and missing data breaches.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-monitoring.html
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarms-and-missing-data.html
 */
class DetectorHealth extends Construct {
  readonly operationsTopic: sns.Topic;
  readonly heartbeatSchedule: events.Rule;
  readonly heartbeatRule: events.Rule;
  readonly heartbeatLogGroup: logs.LogGroup;
  readonly alarms: Record<
    | 'functionErrors'
    | 'functionThrottles'
    | 'deadLetters'
    | 'heartbeatMissing'
    | 'invalidEvents'
    | 'notifierErrors',
    cloudwatch.Alarm
  > & { securityHubImportErrors?: cloudwatch.Alarm };

  constructor(scope: Construct, id: string, props: DetectorHealthProps) {
    super(scope, id);
    this.operationsTopic = encryptedTopic(this, 'OperationsTopic', props.key, 'rootwatch operations');
    for (const email of props.operationsEmails) {
      this.operationsTopic.addSubscription(new subscriptions.EmailSubscription(email));
    }

    this.heartbeatSchedule = new events.Rule(this, 'HeartbeatSchedule', {
      ...(props.heartbeatScheduleName && { ruleName: props.heartbeatScheduleName }),
      description: 'rootwatch: the heartbeat that exercises function, record and alert path',
      schedule: events.Schedule.rate(Duration.hours(props.heartbeatHours)),
      targets: [
        new targets.LambdaFunction(props.function, {
          event: HEARTBEAT_INPUT,
          deadLetterQueue: props.deadLetterQueue,
          retryAttempts: 185,
          maxEventAge: Duration.hours(24),
        }),
      ],
    });

    this.heartbeatLogGroup = operationalLogGroup(this, 'HeartbeatLogGroup', {
      logGroupName: props.heartbeatLogGroupName,
      retention: props.heartbeatLogRetention,
      key: props.key,
    });
    const heartbeatLogPolicy = new logs.ResourcePolicy(this, 'HeartbeatLogPolicy', {
      policyStatements: [
        new iam.PolicyStatement({
          principals: [
            new iam.ServicePrincipal('events.amazonaws.com'),
            new iam.ServicePrincipal('delivery.logs.amazonaws.com'),
          ],
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          resources: [this.heartbeatLogGroup.logGroupArn],
        }),
      ],
    });
    this.heartbeatRule = new events.Rule(this, 'HeartbeatArrivals', {
      eventBus: props.alertBus,
      description: 'rootwatch: heartbeat alerts, counted by the heartbeat alarm',
      eventPattern: { source: [ALERT_SOURCE], detailType: [ALERT_DETAIL_TYPES.heartbeat] },
      targets: [logGroupTarget(this, props.heartbeatLogGroupName)],
    });
    this.heartbeatRule.node.addDependency(this.heartbeatLogGroup, heartbeatLogPolicy);

    const invalidEventRecords = new logs.MetricFilter(this, 'InvalidEventRecords', {
      logGroup: props.recordLogGroup,
      filterPattern: logs.FilterPattern.stringValue('$.kind', '=', 'invalid-event'),
      metricNamespace: 'rootwatch',
      metricName: 'InvalidEvents',
      metricValue: '1',
    });
    const hourly = { period: Duration.hours(1), statistic: cloudwatch.Stats.SUM };
    const heartbeatWindow = props.heartbeatHours + 2;
    const topic = this.operationsTopic;
    this.alarms = {
      functionErrors: operationsAlarm(this, 'FunctionErrors', {
        metric: props.function.metricErrors({ period: Duration.minutes(5) }),
        description:
          'The rootwatch function failed; Lambda retries it, then keeps the event in the dead-letter queue.',
        topic,
      }),
      functionThrottles: operationsAlarm(this, 'FunctionThrottles', {
        metric: props.function.metricThrottles({ period: Duration.minutes(5) }),
        description:
          'The rootwatch function was throttled; Lambda retries throttled events for up to 6 hours.',
        topic,
      }),
      deadLetters: operationsAlarm(this, 'DeadLetters', {
        metric: props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
          period: Duration.minutes(5),
          statistic: cloudwatch.Stats.MAXIMUM,
        }),
        description:
          'Root events or alerts that could not be delivered wait in the rootwatch dead-letter queue.',
        topic,
      }),
      heartbeatMissing: operationsAlarm(this, 'HeartbeatMissing', {
        metric: new cloudwatch.Metric({
          namespace: 'AWS/Events',
          metricName: 'Invocations',
          dimensionsMap: { EventBusName: props.alertBus.eventBusName, RuleName: this.heartbeatRule.ruleName },
          ...hourly,
        }),
        description: `No rootwatch heartbeat alert for ${heartbeatWindow} hours: the function, the record or the alert path is broken.`,
        topic,
        comparison: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
        evaluationPeriods: heartbeatWindow,
        missing: cloudwatch.TreatMissingData.BREACHING,
        notifyOk: true,
      }),
      invalidEvents: operationsAlarm(this, 'InvalidEvents', {
        metric: invalidEventRecords.metric({ period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM }),
        // A root event that fails validation gives no finding: were CloudTrail to change a field's
        // shape, every root event would, silently. The record keeps the event and the reasons.
        description:
          'Root events failed validation and gave no finding: see kind = "invalid-event" in the record log group.',
        topic,
      }),
      // Alerts went out on the bus, but the email (or Security Hub's copy) waits for Lambda's retries
      // and may end in the dead-letter queue: operations hear of it before the SOC misses it.
      notifierErrors: operationsAlarm(this, 'NotifierErrors', {
        metric: props.notifier.metricErrors({ period: Duration.minutes(5) }),
        description:
          'The rootwatch notifier failed to email an alert; Lambda retries it twice, then keeps the alert in the dead-letter queue. See the notifier log.',
        topic,
      }),
      ...(props.securityHubImport && {
        securityHubImportErrors: operationsAlarm(this, 'SecurityHubImportErrors', {
          metric: props.securityHubImport.metricErrors({ period: Duration.minutes(5) }),
          description:
            'The rootwatch Security Hub import failed; Lambda retries it twice, then keeps the finding in the dead-letter queue. See its log.',
          topic,
        }),
      }),
    };
  }
}

export { DetectorHealth, HEARTBEAT_INPUT };
export type { DetectorHealthProps };
