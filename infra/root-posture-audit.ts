import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { Construct } from 'constructs';
import { stateTable, tableItemStatements } from './state-table.ts';
import type { DetectorConfigInput } from '../schemas/detector-config.ts';
import { PostureConfigSchema, POSTURE_ENV } from '../schemas/posture-config.ts';
import { bundledFunction, functionRole } from './bundled-function.ts';
import { deadLetterStatements } from './dead-letter-grants.ts';
import type { DetectorResources } from './detector-resources.ts';
import { bundleCode } from './lambda-bundle.ts';
import { grantLogWrites } from './log-write-grants.ts';
import { operationalLogGroup } from './operational-log-group.ts';
import { operationsAlarm } from './operations-alarm.ts';
import { scheduledRun } from './scheduled-run.ts';
import { assertStartable } from './startable-environment.ts';

/** The root-task policy that lets an sts:AssumeRoot session read a member's root credentials [IAM-PRIV]. */
const AUDIT_ROOT_TASK_POLICY = 'arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials';

interface RootPostureAuditProps extends DetectorResources {
  /** @default - the code `npm run build` wrote to `dist/lambda/root-posture/` */
  readonly code?: lambda.Code;
  /** `/<prefix>/posture-function`. */
  readonly logGroupName: string;
  readonly logRetention: logs.RetentionDays;
  /**
   * Member accounts audited through `roleName`, besides this one.
   * @default - none: this account only
   */
  readonly accounts?: readonly string[];
  /**
   * The read-only audit role the forwarder stack creates in member accounts.
   * @default 'RootwatchPostureAudit'
   */
  readonly roleName?: string;
  /**
   * How often the audit runs. IAM regenerates a credential report at most every four hours.
   * @default Duration.hours(24)
   */
  readonly interval?: Duration;
  /**
   * Ask `iam:ListOrganizationsFeatures`: only in the management or IAM delegated-administrator account.
   * @default false
   */
  readonly organizationFeatures?: boolean;
  /**
   * Read member root login profiles in `sts:AssumeRoot` sessions (IAMAuditRootUserCredentials): only
   * where this account may call AssumeRoot (management or IAM delegated administrator).
   * @default false
   */
  readonly assumeRoot?: boolean;
  readonly detectorConfig?: DetectorConfigInput;
}

/**
 * The scheduled root posture audit (issue 6, AWS mode): an EventBridge Scheduler schedule invokes a
 * function that audits this account and each member account (through a read-only role) from IAM
 * credential reports, records every result in the record log group, and alerts `Root Posture Finding`
 * when a check turns to `fail`, keeping each check's last status in a DynamoDB table. Its role can
 * read credential reports and virtual MFA devices (IAM gives those actions no resource type), assume
 * the named audit role in the named accounts only, and write only to its own log group, the record
 * log group, the alert bus and its table.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html
 */
class RootPostureAudit extends Construct {
  readonly function: lambda.Function;
  readonly role: iam.Role;
  readonly table: dynamodb.Table;
  readonly schedule: scheduler.CfnSchedule;
  readonly errorsAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: RootPostureAuditProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const accounts = [...(props.accounts ?? [])];
    const roleName = props.roleName ?? 'RootwatchPostureAudit';
    const environment: Record<string, string> = {
      [POSTURE_ENV.alertBus]: props.alertBus.eventBusArn,
      [POSTURE_ENV.logGroup]: props.recordLogGroupName,
      [POSTURE_ENV.accounts]: accounts.join(','),
      [POSTURE_ENV.roleName]: roleName,
      [POSTURE_ENV.organizationFeatures]: String(props.organizationFeatures ?? false),
      [POSTURE_ENV.assumeRoot]: String(props.assumeRoot ?? false),
      ...(props.detectorConfig && { [POSTURE_ENV.detectorConfig]: JSON.stringify(props.detectorConfig) }),
    };
    assertStartable('RootPostureAudit', PostureConfigSchema, {
      ...environment,
      [POSTURE_ENV.stateTable]: 'placeholder-table',
    });

    this.table = stateTable(this, 'State', { key: props.key, removalPolicy: RemovalPolicy.RETAIN });
    const logGroup = operationalLogGroup(this, 'LogGroup', {
      logGroupName: props.logGroupName,
      retention: props.logRetention,
      key: props.key,
      keyPolicySid: 'CloudWatchLogsForThePostureAuditLogGroup',
    });

    this.role = functionRole(
      this,
      'Role',
      'rootwatch posture audit: reads credential reports, records results, alerts failures',
    );
    grantLogWrites(this.role, props.key, [
      { group: logGroup, name: props.logGroupName },
      { group: props.recordLogGroup, name: props.recordLogGroupName },
    ]);
    const statements: iam.PolicyStatement[] = [
      new iam.PolicyStatement({
        sid: 'PutAlerts',
        actions: ['events:PutEvents'],
        resources: [props.alertBus.eventBusArn],
      }),
      ...tableItemStatements(this.table, props.key, {
        sid: 'KeepCheckStatus',
        keySid: 'EncryptCheckStatusThroughDynamoDb',
        actions: ['dynamodb:GetItem', 'dynamodb:PutItem'],
      }),
      new iam.PolicyStatement({
        sid: 'ReadCredentialReports',
        actions: [
          'iam:GenerateCredentialReport',
          'iam:GetCredentialReport',
          'iam:ListVirtualMFADevices',
          ...(props.organizationFeatures ? ['iam:ListOrganizationsFeatures'] : []),
        ],
        resources: ['*'],
      }),
      ...deadLetterStatements(this, {
        deadLetterQueue: props.deadLetterQueue,
        key: props.key,
        kind: 'FailedRuns',
      }),
    ];
    if (accounts.length) {
      statements.push(
        new iam.PolicyStatement({
          sid: 'AssumeTheAuditRoleOfMemberAccounts',
          actions: ['sts:AssumeRole'],
          resources: accounts.map((account) => `arn:${stack.partition}:iam::${account}:role/${roleName}`),
        }),
      );
      if (props.assumeRoot) {
        statements.push(
          new iam.PolicyStatement({
            sid: 'AuditMemberRootCredentials',
            actions: ['sts:AssumeRoot'],
            resources: accounts.map((account) => `arn:${stack.partition}:iam::${account}:root`),
            conditions: { StringEquals: { 'sts:TaskPolicyArn': AUDIT_ROOT_TASK_POLICY } },
          }),
        );
      }
    }
    for (const statement of statements) this.role.addToPrincipalPolicy(statement);
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'iam:GenerateCredentialReport, iam:GetCredentialReport, iam:ListVirtualMFADevices and iam:ListOrganizationsFeatures support no resource type, so their only resource is "*" (Service Authorization Reference, IAM). Every other statement names its resources.',
    });

    this.function = bundledFunction(this, 'Function', {
      description: 'rootwatch: daily CIS root posture audit from IAM credential reports',
      code: props.code ?? bundleCode('root-posture'),
      memorySize: 512,
      // IAM takes seconds to generate a report per account; the run audits accounts one after another.
      timeout: Duration.minutes(10),
      role: this.role,
      logGroup,
      environment: { ...environment, [POSTURE_ENV.stateTable]: this.table.tableName },
      deadLetterQueue: props.deadLetterQueue,
    });

    const hours = (props.interval ?? Duration.hours(24)).toHours();
    this.schedule = scheduledRun(this, {
      function: this.function,
      scheduleExpression: `rate(${hours} ${hours === 1 ? 'hour' : 'hours'})`,
      description: 'rootwatch: run the root posture audit',
      roleDescription: 'rootwatch: EventBridge Scheduler invokes the posture audit',
      invokeSid: 'InvokeTheAudit',
      input: { source: 'rootwatch.posture-schedule' },
      deadLetterQueue: props.deadLetterQueue,
      key: props.key,
    });

    this.errorsAlarm = operationsAlarm(this, 'Errors', {
      metric: this.function.metricErrors({ period: Duration.hours(1) }),
      description: 'rootwatch: the root posture audit failed (see its log group)',
      topic: props.operationsTopic,
    });
  }
}

export { RootPostureAudit, AUDIT_ROOT_TASK_POLICY };
export type { RootPostureAuditProps };
