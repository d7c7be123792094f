import { Duration, Stack, Token, Validations } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { Construct } from 'constructs';
import {
  COMPLETENESS_ENV,
  CompletenessConfigSchema,
  DEFAULT_SETTLE_MINUTES,
  WINDOW_HOURS,
} from '../schemas/completeness-config.ts';
import type { CompletenessConfig } from '../schemas/completeness-config.ts';
import type { DetectorConfigInput } from '../schemas/detector-config.ts';
import type { Severity } from '../schemas/finding.ts';
import { bundledFunction, functionRole } from './bundled-function.ts';
import { CompletenessAlarms } from './completeness-alarms.ts';
import type { DetectorResources } from './detector-resources.ts';
import type { CompletenessAlarmName } from './completeness-alarms.ts';
import { bundleCode } from './lambda-bundle.ts';
import { grantLogWrites } from './log-write-grants.ts';
import { operationalLogGroup } from './operational-log-group.ts';
import { scheduledRun } from './scheduled-run.ts';
import { completenessStatements } from './completeness-grants.ts';
import { assertStartable } from './startable-environment.ts';

interface CompletenessScanProps extends DetectorResources {
  /** @default - the code `npm run build` wrote to `dist/lambda/completeness/` */
  readonly code?: lambda.Code;
  /** `/<prefix>/completeness-function`. */
  readonly logGroupName: string;
  readonly logRetention: logs.RetentionDays;
  /**
   * The bucket the organisation trail delivers to, in this account or another (the log archive
   * account: its bucket policy must then let `role` list and read, docs/deploy-and-settings.md).
   */
  readonly trailBucketName: string;
  /**
   * The key prefix above the account folders: `AWSLogs/<organisation id>/` for an organisation
   * trail, after the trail's own prefix if it has one.
   * @default 'AWSLogs/'
   */
  readonly trailPrefix?: string;
  /**
   * The KMS key that encrypts the trail's objects (SSE-KMS); its key policy must let `role` decrypt.
   * @default - none: the objects are SSE-S3
   */
  readonly trailKeyArn?: string;
  /**
   * The length of a window, run once per window: 1, 2, 3, 4, 6, 8, 12 or 24 hours, so that windows
   * tile the UTC day. Shorter windows keep each run of a big organisation within Lambda's 15 minutes.
   * @default Duration.hours(24)
   */
  readonly window?: Duration;
  /**
   * Function memory in MiB (CPU in proportion: one vCPU at 1,769 MiB); a run gunzips every object of
   * its window in one thread, with reads overlapped.
   * @default 2048
   */
  readonly memorySize?: number;
  /** The live detector's threshold, so that the same events are compared and paged. @default 'low' */
  readonly alertMinSeverity?: Severity;
  /** @default 'info' */
  readonly logLevel?: CompletenessConfig['ROOTWATCH_LOG_LEVEL'];
  /** The live detector's settings, so that a missed event gets the same finding. @default - the defaults */
  readonly detectorConfig?: DetectorConfigInput;
}

/** Lambda's longest run: the function stops listing objects before it, to compare, alert and record. */
const TIMEOUT = Duration.minutes(15);

/**
 * The schedule of the runs: each window's run starts `settleMinutes` after the window ends (UTC
 * windows of `hours`): daily at 01:00 by default. EventBridge Scheduler cron: minutes, hours, day of
 * month, month, day of week, year.
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html#cron-based
 */
const completenessSchedule = (hours: number, settleMinutes: number): string => {
  const offset = Math.floor(settleMinutes / 60) % hours;
  return `cron(${settleMinutes % 60} ${hours === 24 ? offset : `${offset}/${hours}`} * * ? *)`;
};

const fail = (message: string): never => {
  throw new Error(`CompletenessScan: ${message}`);
};

/**
 * The completeness scan (docs/deploy-and-settings.md): CloudTrail's delivery to EventBridge is best effort
 * (DOMAIN.md §5), so an EventBridge Scheduler schedule runs a function once per window that reads
 * the window's objects of the organisation trail's bucket with the archive scan core, compares the
 * root events it finds with the live path's records by event id, records and alerts the missed ones,
 * and publishes the count, with alarms to operations. Its role lists and reads the trail under its
 * prefix only (and decrypts through S3 only), reads the record log group only, writes only to its
 * own log group and the record log group, and puts events only on the alert bus.
 */
class CompletenessScan extends Construct {
  readonly function: lambda.Function;
  readonly role: iam.Role;
  readonly schedule: scheduler.CfnSchedule;
  readonly alarms: Record<CompletenessAlarmName, cloudwatch.Alarm>;

  constructor(scope: Construct, id: string, props: CompletenessScanProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const hours = (props.window ?? Duration.hours(24)).toHours({ integral: false });
    if (!(WINDOW_HOURS as readonly number[]).includes(hours))
      fail(`window must be 1, 2, 3, 4, 6, 8, 12 or 24 hours, got ${props.window?.toHumanString()}`);
    const memorySize = props.memorySize ?? 2048;
    if (
      !Token.isUnresolved(memorySize) &&
      !(Number.isInteger(memorySize) && memorySize >= 512 && memorySize <= 10_240)
    )
      fail(`memorySize must be a whole number of MiB from 512 to 10240, got ${memorySize}`);
    const trailPrefix = props.trailPrefix ?? 'AWSLogs/';
    const environment: Record<string, string> = {
      [COMPLETENESS_ENV.alertBus]: props.alertBus.eventBusArn,
      [COMPLETENESS_ENV.logGroup]: props.recordLogGroupName,
      [COMPLETENESS_ENV.alertMinSeverity]: props.alertMinSeverity ?? 'low',
      [COMPLETENESS_ENV.logLevel]: props.logLevel ?? 'info',
      [COMPLETENESS_ENV.trailBucket]: props.trailBucketName,
      [COMPLETENESS_ENV.trailPrefix]: trailPrefix,
      [COMPLETENESS_ENV.windowHours]: String(hours),
      [COMPLETENESS_ENV.settleMinutes]: String(DEFAULT_SETTLE_MINUTES),
      ...(props.detectorConfig && {
        [COMPLETENESS_ENV.detectorConfig]: JSON.stringify(props.detectorConfig),
      }),
    };
    assertStartable('CompletenessScan', CompletenessConfigSchema, environment);

    const logGroup = operationalLogGroup(this, 'LogGroup', {
      logGroupName: props.logGroupName,
      retention: props.logRetention,
      key: props.key,
      keyPolicySid: 'CloudWatchLogsForTheCompletenessLogGroup',
    });

    this.role = functionRole(
      this,
      'Role',
      'rootwatch completeness scan: reads the trail bucket and the records, records and alerts missed root events',
    );
    grantLogWrites(this.role, props.key, [
      { group: logGroup, name: props.logGroupName },
      { group: props.recordLogGroup, name: props.recordLogGroupName },
    ]);
    const statements = completenessStatements(this, {
      trailBucketName: props.trailBucketName,
      trailPrefix,
      ...(props.trailKeyArn && { trailKeyArn: props.trailKeyArn }),
      recordLogGroup: props.recordLogGroup,
      alertBus: props.alertBus,
      deadLetterQueue: props.deadLetterQueue,
      key: props.key,
    });
    for (const statement of statements) this.role.addToPrincipalPolicy(statement);
    const partition = Token.isUnresolved(stack.partition) ? '<AWS::Partition>' : stack.partition;
    Validations.of(this.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:${partition}:s3:::${props.trailBucketName}/${trailPrefix}*]`,
      reason:
        'The function reads every trail object under the prefix (s3:GetObject takes object ARNs; the keys of a day are only known by listing). The prefix is the trail layout above the account folders, and s3:ListBucket carries the same prefix as a condition.',
    });

    this.function = bundledFunction(this, 'Function', {
      description: 'rootwatch: completeness scan of the trail against the live records',
      code: props.code ?? bundleCode('completeness', 'code'),
      memorySize,
      timeout: TIMEOUT,
      role: this.role,
      logGroup,
      environment,
      deadLetterQueue: props.deadLetterQueue,
      // One retry for a transient failure: a run is long, and an incomplete one (unreadable objects,
      // the deadline) succeeds and says so, since a retry would meet the same.
      retryAttempts: 1,
    });

    this.schedule = scheduledRun(this, {
      function: this.function,
      scheduleExpression: completenessSchedule(hours, DEFAULT_SETTLE_MINUTES),
      scheduleExpressionTimezone: 'UTC',
      description: 'rootwatch: run the completeness scan of the window that ended an hour ago',
      roleDescription: 'rootwatch: EventBridge Scheduler runs the completeness scan',
      invokeSid: 'RunTheScan',
      // The scheduled time, not the clock, names the window: a retry or a late start scans the same.
      input: {
        source: 'rootwatch.completeness-schedule',
        scheduledTime: scheduler.ContextAttribute.scheduledTime,
      },
      deadLetterQueue: props.deadLetterQueue,
      key: props.key,
    });
    this.alarms = new CompletenessAlarms(this, 'Health', {
      function: this.function,
      operationsTopic: props.operationsTopic,
      windowHours: hours,
    }).alarms;
  }
}

export { CompletenessScan, completenessSchedule };
export type { CompletenessScanProps };
