import { Aws, Fn, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { LIVENESS_DETAIL_TYPE, LIVENESS_SOURCE } from '../schemas/liveness-event.ts';

interface ForwarderLivenessProps {
  /** Minutes between liveness events (a number, or a parameter's token). */
  readonly intervalMinutes: string;
  /** Where Scheduler keeps a liveness event it could not put on the bus: the forwarder's queue. */
  readonly deadLetterQueue: sqs.IQueue;
}

/**
 * The PutEvents request the schedule makes, as the universal target's input: one entry on this
 * account's default bus, whose resource is the schedule's own ARN and whose detail is its scheduled
 * time (Scheduler fills both context attributes in) [SCHED-CTX]. The templated EventBridge target
 * sets no `Resources`, hence the universal one.
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-targets-universal.html
 */
const LIVENESS_ENTRIES = {
  Entries: [
    {
      EventBusName: 'default',
      Source: LIVENESS_SOURCE,
      DetailType: LIVENESS_DETAIL_TYPE,
      Resources: [scheduler.ContextAttribute.scheduleArn],
      Detail: JSON.stringify({ scheduledTime: scheduler.ContextAttribute.scheduledTime }),
    },
  ],
};

/**
 * Proves that this account and Region's forwarder still forwards (docs/coverage.md): an EventBridge
 * Scheduler schedule (no Lambda, no asset) puts a liveness event on the default bus every
 * `intervalMinutes`, where the forwarder's own rule matches it (the liveness branch of its pattern)
 * and sends it to the ingest bus with the root activity; the detector notes the envelope's account
 * and Region as heard. Its role may put only that event on only this default bus (the `events:source`
 * and `events:detail-type` conditions) and keep undelivered ones in the forwarder's dead-letter queue.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-conditions.html
 */
class ForwarderLiveness extends Construct {
  readonly schedule: scheduler.CfnSchedule;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: ForwarderLivenessProps) {
    super(scope, id);
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
      }),
      description: 'rootwatch forwarder: puts the liveness event on the default bus',
    });
    const defaultBus = Stack.of(this).formatArn({
      service: 'events',
      resource: 'event-bus',
      resourceName: 'default',
    });
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'PutLivenessEvents',
        actions: ['events:PutEvents'],
        resources: [defaultBus],
        conditions: {
          StringEquals: { 'events:source': LIVENESS_SOURCE, 'events:detail-type': LIVENESS_DETAIL_TYPE },
        },
      }),
    );
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'KeepUndeliveredLivenessEvents',
        actions: ['sqs:SendMessage'],
        resources: [props.deadLetterQueue.queueArn],
      }),
    );
    this.schedule = new scheduler.CfnSchedule(this, 'Schedule', {
      description: 'rootwatch: the liveness event that proves this forwarder still forwards',
      scheduleExpression: Fn.sub('rate(${Minutes} minutes)', { Minutes: props.intervalMinutes }),
      flexibleTimeWindow: { mode: 'OFF' },
      target: {
        arn: Fn.sub('arn:${AWS::Partition}:scheduler:::aws-sdk:eventbridge:putEvents'),
        roleArn: this.role.roleArn,
        input: JSON.stringify(LIVENESS_ENTRIES),
        deadLetterConfig: { arn: props.deadLetterQueue.queueArn },
        // A late liveness event proves little: a few retries within the hour, then the queue.
        retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeInSeconds: 3600 },
      },
    });
  }
}

export { ForwarderLiveness, LIVENESS_ENTRIES };
export type { ForwarderLivenessProps };
