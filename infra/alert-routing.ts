import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ALERT_DETAIL_TYPES, ALERT_SOURCE } from '../schemas/alert-event.ts';
import { encryptedQueue, encryptedTopic } from './encryption.ts';

/**
 * A SIEM that receives findings by HTTPS push (an EventBridge API destination), e.g. a Splunk HTTP
 * Event Collector.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-api-destinations.html
 */
interface SiemApiDestinationProps {
  /** The HTTPS endpoint, e.g. `https://splunk.example.com:8088/services/collector/event`. */
  readonly endpoint: string;
  /**
   * How EventBridge authenticates. EventBridge keeps the credentials in a Secrets Manager secret
   * of its own; pass them from yours, e.g. `events.Authorization.apiKey('Authorization',
   * SecretValue.secretsManager('splunk-hec'))` for a secret holding `Splunk <token>`.
   */
  readonly authorization: events.Authorization;
  /**
   * The request body, from the alert event.
   * @default - a Splunk HEC event: `{"source":"rootwatch","sourcetype":"rootwatch:finding","event":<the finding>}`
   */
  readonly body?: events.RuleTargetInput;
  /**
   * At most this many requests a second to the endpoint.
   * @default 10
   */
  readonly rateLimitPerSecond?: number;
}

interface AlertRoutingProps {
  readonly alertBus: events.IEventBus;
  readonly key: kms.IKey;
  readonly deadLetterQueue: sqs.IQueue;
  readonly alertEmails: readonly string[];
  readonly siemQueue: boolean;
  /** @default - no push */
  readonly siemApiDestination?: SiemApiDestinationProps;
}

/**
 * The SOC's alerts: findings and posture alerts (a CIS root check that turned to `fail`). The
 * heartbeat, on the same bus, is for its alarm alone.
 */
const FINDINGS: events.EventPattern = { source: [ALERT_SOURCE], detailType: [ALERT_DETAIL_TYPES.finding] };
const POSTURE_ALERTS: events.EventPattern = {
  source: [ALERT_SOURCE],
  detailType: [ALERT_DETAIL_TYPES.posture],
};
const SOC_ALERTS: events.EventPattern = {
  source: [ALERT_SOURCE],
  detailType: [ALERT_DETAIL_TYPES.finding, ALERT_DETAIL_TYPES.posture, ALERT_DETAIL_TYPES.coverage],
};

/**
 * The default SIEM push body: a Splunk HTTP Event Collector event carrying the finding (or the
 * posture result) as it is, with a sourcetype for each (HEC sets the time of receipt; both carry
 * their own time).
 * @see https://docs.splunk.com/Documentation/Splunk/latest/Data/FormateventsforHTTPEventCollector
 */
const splunkHecEvent = (sourcetype: 'rootwatch:finding' | 'rootwatch:posture') =>
  events.RuleTargetInput.fromObject({
    source: ALERT_SOURCE,
    sourcetype,
    event: events.EventField.fromPath('$.detail'),
  });
const SPLUNK_HEC_EVENT = splunkHecEvent('rootwatch:finding');
const SPLUNK_HEC_POSTURE_EVENT = splunkHecEvent('rootwatch:posture');

/**
 * The routes from the alert bus to the SOC: an encrypted SNS topic (email, chat; the notifier
 * publishes to it), optionally an encrypted
 * queue for SIEM pull, optionally an API destination for SIEM push, each with findings and posture
 * alerts. Each target retries for a day
 * and then keeps the alert in the dead-letter queue, whose alarm pages operations.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html
 */
class AlertRouting extends Construct {
  readonly topic: sns.Topic;
  readonly siemQueue?: sqs.Queue;
  readonly apiDestination?: events.ApiDestination;
  readonly rules: events.Rule[] = [];

  constructor(scope: Construct, id: string, props: AlertRoutingProps) {
    super(scope, id);
    const delivery = {
      deadLetterQueue: props.deadLetterQueue,
      retryAttempts: 185,
      maxEventAge: Duration.hours(24),
    };

    // The notifier (alert-notifier.ts) publishes to the topic: a rule cannot set an email subject.
    this.topic = encryptedTopic(this, 'Topic', props.key, 'rootwatch root activity');
    for (const email of props.alertEmails)
      this.topic.addSubscription(new subscriptions.EmailSubscription(email));

    if (props.siemQueue) {
      this.siemQueue = encryptedQueue(this, 'SiemQueue', {
        key: props.key,
        deadLetterQueue: { queue: props.deadLetterQueue, maxReceiveCount: 10 },
      });
      this.route(
        'ToSiemQueue',
        'findings and posture alerts to the SIEM queue',
        SOC_ALERTS,
        new targets.SqsQueue(this.siemQueue, delivery),
        props,
      );
    }

    if (props.siemApiDestination) {
      const { endpoint, authorization, body, rateLimitPerSecond } = props.siemApiDestination;
      this.apiDestination = new events.ApiDestination(this, 'SiemApiDestination', {
        description: 'rootwatch findings to the SIEM',
        endpoint,
        connection: new events.Connection(this, 'SiemConnection', { authorization }),
        rateLimitPerSecond: rateLimitPerSecond ?? 10,
      });
      this.route(
        'ToSiemApi',
        'findings to the SIEM endpoint',
        FINDINGS,
        new targets.ApiDestination(this.apiDestination, { ...delivery, event: body ?? SPLUNK_HEC_EVENT }),
        props,
      );
      // A rule of its own, so that the default body names what it carries.
      this.route(
        'PostureToSiemApi',
        'posture alerts to the SIEM endpoint',
        POSTURE_ALERTS,
        new targets.ApiDestination(this.apiDestination, {
          ...delivery,
          event: body ?? SPLUNK_HEC_POSTURE_EVENT,
        }),
        props,
      );
    }
  }

  private route(
    id: string,
    description: string,
    eventPattern: events.EventPattern,
    target: events.IRuleTarget,
    props: AlertRoutingProps,
  ): void {
    this.rules.push(
      new events.Rule(this, id, {
        eventBus: props.alertBus,
        description: `rootwatch: ${description}`,
        eventPattern,
        targets: [target],
      }),
    );
  }
}

export { AlertRouting, FINDINGS, SOC_ALERTS, SPLUNK_HEC_EVENT, SPLUNK_HEC_POSTURE_EVENT };
export type { AlertRoutingProps, SiemApiDestinationProps };
