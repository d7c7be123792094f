import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { deadLetterStatements } from './dead-letter-grants.ts';

interface ScheduledRunProps {
  /** The function each run invokes. */
  readonly function: lambda.IFunction;
  /** `rate(…)` or `cron(…)`. @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html */
  readonly scheduleExpression: string;
  /**
   * The time zone of a cron expression.
   * @default - none: Scheduler's default, UTC
   */
  readonly scheduleExpressionTimezone?: string;
  /** The schedule's description. */
  readonly description: string;
  /** The description of the schedule's role. */
  readonly roleDescription: string;
  /** The Sid of the role's one `lambda:InvokeFunction` statement, e.g. `InvokeTheAudit`. */
  readonly invokeSid: string;
  /** The event the function receives, as JSON (Scheduler context attributes are filled in). */
  readonly input: object;
  /** Where a run Scheduler could not deliver is kept. */
  readonly deadLetterQueue: sqs.IQueue;
  /** The key that encrypts the dead-letter queue. */
  readonly key: kms.IKey;
}

/**
 * A function run on an EventBridge Scheduler schedule: the L1 schedule (`Schedule`) with a role of
 * its own (`SchedulerRole`, trusted by Scheduler for this account only) that may invoke that
 * function, unqualified, and keep undelivered runs in the dead-letter queue; the L2 target would
 * also grant invoke on every version (`:*`). Scheduler retries a run three times within 6 hours.
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/setting-up.html#setting-up-execution-role
 */
const scheduledRun = (scope: Construct, props: ScheduledRunProps): scheduler.CfnSchedule => {
  const role = new iam.Role(scope, 'SchedulerRole', {
    assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
      conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(scope).account } },
    }),
    description: props.roleDescription,
  });
  for (const statement of [
    new iam.PolicyStatement({
      sid: props.invokeSid,
      actions: ['lambda:InvokeFunction'],
      resources: [props.function.functionArn],
    }),
    ...deadLetterStatements(scope, {
      deadLetterQueue: props.deadLetterQueue,
      key: props.key,
      kind: 'UndeliveredRuns',
    }),
  ])
    role.addToPrincipalPolicy(statement);
  return new scheduler.CfnSchedule(scope, 'Schedule', {
    description: props.description,
    scheduleExpression: props.scheduleExpression,
    ...(props.scheduleExpressionTimezone && { scheduleExpressionTimezone: props.scheduleExpressionTimezone }),
    flexibleTimeWindow: { mode: 'OFF' },
    target: {
      arn: props.function.functionArn,
      roleArn: role.roleArn,
      input: JSON.stringify(props.input),
      deadLetterConfig: { arn: props.deadLetterQueue.queueArn },
      retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeInSeconds: 6 * 3600 },
    },
  });
};

export { scheduledRun };
export type { ScheduledRunProps };
