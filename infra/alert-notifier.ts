import { Stack } from 'aws-cdk-lib';
import type * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ALERT_DETAIL_TYPES } from '../schemas/alert-event.ts';
import { NOTIFIER_ENV } from '../schemas/notifier-config.ts';
import { AlertBusFunction } from './alert-bus-function.ts';
import type { IncidentTable } from './incident-table.ts';

interface AlertNotifierProps {
  readonly code: lambda.Code;
  readonly alertBus: events.IEventBus;
  readonly topic: sns.ITopic;
  readonly key: kms.IKey;
  readonly deadLetterQueue: sqs.IQueue;
  readonly logGroupName: string;
  readonly logRetention: logs.RetentionDays;
  readonly logLevel: string;
  /**
   * The incident table, when incidents are on: the notifier keeps there the ids of the alerts it
   * published, so that a copy delivered to any container does not page twice. Without it, each
   * container remembers its own (docs/incidents-and-suppression.md).
   */
  readonly incidents?: IncidentTable;
}

/**
 * The notifier: findings and posture alerts from the alert bus to the alert topic, as an email with
 * a subject (which a rule's input transformer cannot set) and a chat message. Its role may publish
 * to that topic only, and use the topic's key only through SNS.
 * @see https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html
 */
class AlertNotifier extends Construct {
  readonly function: lambda.Function;
  readonly rule: events.Rule;

  constructor(scope: Construct, id: string, props: AlertNotifierProps) {
    super(scope, id);
    const notifier = new AlertBusFunction(this, 'Notifier', {
      description: 'emails findings and posture alerts with a subject, a summary and a runbook',
      code: props.code,
      memorySize: 512,
      environment: {
        [NOTIFIER_ENV.topicArn]: props.topic.topicArn,
        [NOTIFIER_ENV.logLevel]: props.logLevel,
        ...(props.incidents && { [NOTIFIER_ENV.incidentTable]: props.incidents.table.tableName }),
      },
      logGroupName: props.logGroupName,
      logRetention: props.logRetention,
      key: props.key,
      alertBus: props.alertBus,
      detailTypes: [ALERT_DETAIL_TYPES.finding, ALERT_DETAIL_TYPES.posture, ALERT_DETAIL_TYPES.coverage],
      deadLetterQueue: props.deadLetterQueue,
      statements: [
        new iam.PolicyStatement({
          sid: 'PublishToAlertTopic',
          actions: ['sns:Publish'],
          resources: [props.topic.topicArn],
        }),
        new iam.PolicyStatement({
          sid: 'EncryptThroughSns',
          actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
          resources: [props.key.keyArn],
          conditions: { StringEquals: { 'kms:ViaService': `sns.${Stack.of(this).region}.amazonaws.com` } },
        }),
      ],
    });
    this.function = notifier.function;
    this.rule = notifier.rule;
    if (props.incidents && this.function.role) props.incidents.grantIncidentUpdates(this.function.role);
  }
}

export { AlertNotifier };
export type { AlertNotifierProps };
