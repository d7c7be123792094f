import { Duration } from 'aws-cdk-lib';
import type * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { bundledFunction, functionRole } from './bundled-function.ts';
import { deadLetterStatements } from './dead-letter-grants.ts';
import { operationalLogGroup } from './operational-log-group.ts';
import { grantLogWrites } from './log-write-grants.ts';

interface DetectorFunctionProps {
  readonly code: lambda.Code;
  readonly memorySize: number;
  readonly environment: Record<string, string>;
  readonly logGroupName: string;
  readonly logRetention: logs.RetentionDays;
  readonly key: kms.IKey;
  /** The record log group, by name too: the KMS encryption context is its ARN without `:*`. */
  readonly recordLogGroup: logs.ILogGroup;
  readonly recordLogGroupName: string;
  readonly alertBus: events.IEventBus;
  readonly deadLetterQueue: sqs.IQueue;
}

/**
 * The detector function: the bundle of the handler on nodejs22.x (the runtime the bundle targets), arm64, with its own encrypted log group,
 * asynchronous retries and an on-failure destination. Its role can write only to its two log groups
 * and put events only on the alert bus, plus the KMS uses those writes need.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html
 */
class DetectorFunction extends Construct {
  readonly function: lambda.Function;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: DetectorFunctionProps) {
    super(scope, id);
    this.logGroup = operationalLogGroup(this, 'LogGroup', {
      logGroupName: props.logGroupName,
      retention: props.logRetention,
      key: props.key,
    });
    this.role = functionRole(
      this,
      'Role',
      'rootwatch detector: writes its records and logs, puts alerts on the alert bus',
    );
    grantLogWrites(this.role, props.key, [
      { group: this.logGroup, name: props.logGroupName },
      { group: props.recordLogGroup, name: props.recordLogGroupName },
    ]);
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'PutAlerts',
        actions: ['events:PutEvents'],
        resources: [props.alertBus.eventBusArn],
      }),
    );
    for (const statement of deadLetterStatements(this, {
      deadLetterQueue: props.deadLetterQueue,
      key: props.key,
      kind: 'FailedInvocations',
    }))
      this.role.addToPrincipalPolicy(statement);

    this.function = bundledFunction(this, 'Function', {
      description: 'rootwatch: validates, classifies, records and alerts root activity',
      code: props.code,
      memorySize: props.memorySize,
      // Two AWS calls with retries and backoff; failures are retried by Lambda, not waited out.
      timeout: Duration.seconds(30),
      role: this.role,
      logGroup: this.logGroup,
      environment: props.environment,
      deadLetterQueue: props.deadLetterQueue,
    });
  }
}

export { DetectorFunction };
export type { DetectorFunctionProps };
