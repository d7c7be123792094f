import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ALERT_SOURCE } from '../schemas/alert-event.ts';
import { bundledFunction, functionRole } from './bundled-function.ts';
import { deadLetterStatements } from './dead-letter-grants.ts';
import { operationalLogGroup } from './operational-log-group.ts';

interface AlertBusFunctionProps {
  readonly description: string;
  readonly code: lambda.Code;
  readonly memorySize: number;
  readonly environment: Record<string, string>;
  readonly logGroupName: string;
  readonly logRetention: logs.RetentionDays;
  readonly key: kms.IKey;
  readonly alertBus: events.IEventBus;
  /** The alert `DetailType`s the rule sends to the function. */
  readonly detailTypes: readonly string[];
  readonly deadLetterQueue: sqs.IQueue;
  /** What the function may do besides writing its log and keeping failed invocations. */
  readonly statements: readonly iam.PolicyStatement[];
}

/**
 * A function that reacts to rootwatch's own alerts: a rule on the alert bus for some `DetailType`s,
 * the function (nodejs22.x, arm64, its own encrypted log group) and a role that may write that log,
 * send failed invocations to the dead-letter queue, and do what `statements` grant, nothing else.
 * The rule retries for a day, Lambda twice more within 6 hours; then the alert waits in the
 * dead-letter queue, whose alarm pages operations.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html
 */
class AlertBusFunction extends Construct {
  readonly function: lambda.Function;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;
  readonly rule: events.Rule;

  constructor(scope: Construct, id: string, props: AlertBusFunctionProps) {
    super(scope, id);
    this.logGroup = operationalLogGroup(this, 'LogGroup', {
      logGroupName: props.logGroupName,
      retention: props.logRetention,
      key: props.key,
    });
    this.role = functionRole(this, 'Role', `rootwatch: ${props.description}`);
    const statements = [
      new iam.PolicyStatement({
        sid: 'WriteOwnLog',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
      ...deadLetterStatements(this, {
        deadLetterQueue: props.deadLetterQueue,
        key: props.key,
        kind: 'FailedInvocations',
      }),
      ...props.statements,
    ];
    for (const statement of statements) this.role.addToPrincipalPolicy(statement);

    this.function = bundledFunction(this, 'Function', {
      description: `rootwatch: ${props.description}`,
      code: props.code,
      memorySize: props.memorySize,
      timeout: Duration.seconds(30),
      role: this.role,
      logGroup: this.logGroup,
      environment: props.environment,
      deadLetterQueue: props.deadLetterQueue,
    });
    this.rule = new events.Rule(this, 'Rule', {
      eventBus: props.alertBus,
      description: `rootwatch: ${props.description}`,
      eventPattern: { source: [ALERT_SOURCE], detailType: [...props.detailTypes] },
      targets: [
        new targets.LambdaFunction(this.function, {
          deadLetterQueue: props.deadLetterQueue,
          retryAttempts: 185,
          maxEventAge: Duration.hours(24),
        }),
      ],
    });
  }
}

export { AlertBusFunction };
export type { AlertBusFunctionProps };
