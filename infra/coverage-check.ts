import { Duration, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { Construct } from 'constructs';
import {
  COVERAGE_ENV,
  COVERAGE_METRICS,
  CoverageCheckConfigSchema,
} from '../schemas/coverage-check-config.ts';
import type { CoverageCheckConfig } from '../schemas/coverage-check-config.ts';
import { bundledFunction, functionRole } from './bundled-function.ts';
import { deadLetterStatements } from './dead-letter-grants.ts';
import type { DetectorResources } from './detector-resources.ts';
import { bundleCode } from './lambda-bundle.ts';
import type { LivenessTable } from './liveness-table.ts';
import { grantLogWrites } from './log-write-grants.ts';
import { operationalLogGroup } from './operational-log-group.ts';
import { operationsAlarm } from './operations-alarm.ts';
import { scheduledRun } from './scheduled-run.ts';
import { assertStartable } from './startable-environment.ts';

interface CoverageCheckProps extends DetectorResources {
  /** The detector's liveness table, which its function writes and the check reads. */
  readonly livenessTable: LivenessTable;
  /** @default - the bundle `npm run build` wrote to `dist/lambda/coverage/` */
  readonly code?: lambda.Code;
  /** `/<prefix>/coverage-function`. */
  readonly logGroupName: string;
  readonly logRetention: logs.RetentionDays;
  /**
   * A place not heard for longer than this is silent: alerted once, and counted by the alarm. Keep
   * it well above the forwarders' liveness interval (`LivenessMinutes`, 60 by default).
   * @default Duration.hours(3)
   */
  readonly silentAfter?: Duration;
  /** @default Duration.hours(1) */
  readonly interval?: Duration;
  /**
   * Accounts that must be heard besides those ever heard (the detector's own always is).
   * @default - none
   */
  readonly accounts?: readonly string[];
  /**
   * Expect each account's enabled Regions (account:ListRegions): its own in every deployment; those
   * of member accounts only where this account is the management account or the Account
   * Management delegated administrator (otherwise each is a problem the check records).
   * @default true
   */
  readonly enabledRegions?: boolean;
  /** Read the trails of each Region (cloudtrail:DescribeTrails, GetTrailStatus, GetEventSelectors). @default true */
  readonly trails?: boolean;
  /** @default 'info' */
  readonly logLevel?: CoverageCheckConfig['ROOTWATCH_LOG_LEVEL'];
}

const fail = (message: string): never => {
  throw new Error(`CoverageCheck: ${message}`);
};

const wholeMinutes = (name: string, duration: Duration, min: number, max: number): number => {
  const minutes = duration.toMinutes({ integral: false });
  if (!Number.isInteger(minutes) || minutes < min || minutes > max)
    fail(`${name} must be a whole number of minutes from ${min} to ${max}, got ${duration.toHumanString()}`);
  return minutes;
};

/**
 * The scheduled coverage check (docs/coverage.md), in the security account: an EventBridge
 * Scheduler schedule runs a function that reads the liveness table, expects each account's enabled
 * Regions, reads the trails of each Region, alerts every place newly silent (or never heard) on the
 * alert bus, records the run and publishes its metrics; alarms tell operations when a place is
 * silent, when the check could not read something, and when it stopped running. Its role reads and
 * notes the liveness table only, reads CloudTrail's configuration and the account's Regions (which
 * take no narrower resource than `*`), writes only its log group and the record log group, and puts
 * events only on the alert bus.
 */
class CoverageCheck extends Construct {
  readonly function: lambda.Function;
  readonly role: iam.Role;
  readonly schedule: scheduler.CfnSchedule;
  readonly alarms: Record<
    'silentPlaces' | 'checkProblems' | 'checkOverdue' | 'checkErrors',
    cloudwatch.Alarm
  >;

  constructor(scope: Construct, id: string, props: CoverageCheckProps) {
    super(scope, id);
    const interval = wholeMinutes('interval', props.interval ?? Duration.hours(1), 5, 1440);
    const silent = wholeMinutes('silentAfter', props.silentAfter ?? Duration.hours(3), 10, 10_080);
    const environment: Record<string, string> = {
      [COVERAGE_ENV.alertBus]: props.alertBus.eventBusArn,
      [COVERAGE_ENV.logGroup]: props.recordLogGroupName,
      [COVERAGE_ENV.logLevel]: props.logLevel ?? 'info',
      [COVERAGE_ENV.livenessTable]: props.livenessTable.table.tableName,
      [COVERAGE_ENV.silentMinutes]: String(silent),
      [COVERAGE_ENV.accounts]: (props.accounts ?? []).join(','),
      [COVERAGE_ENV.enabledRegions]: String(props.enabledRegions ?? true),
      [COVERAGE_ENV.trails]: String(props.trails ?? true),
    };
    assertStartable('CoverageCheck', CoverageCheckConfigSchema, {
      ...environment,
      // Known at deployment only: checked as the table name it will be.
      [COVERAGE_ENV.livenessTable]: 'rootwatch-liveness',
    });

    const logGroup = operationalLogGroup(this, 'LogGroup', {
      logGroupName: props.logGroupName,
      retention: props.logRetention,
      key: props.key,
      keyPolicySid: 'CloudWatchLogsForTheCoverageLogGroup',
    });
    this.role = functionRole(
      this,
      'Role',
      'rootwatch coverage check: reads the liveness table and CloudTrail configuration, records and alerts silent forwarders',
    );
    grantLogWrites(this.role, props.key, [
      { group: logGroup, name: props.logGroupName },
      { group: props.recordLogGroup, name: props.recordLogGroupName },
    ]);
    props.livenessTable.grantCheck(this.role);
    const readConfiguration = [
      ...(props.trails === false
        ? []
        : [
            new iam.PolicyStatement({
              sid: 'ReadTrailConfiguration',
              actions: [
                'cloudtrail:DescribeTrails',
                'cloudtrail:GetTrailStatus',
                'cloudtrail:GetEventSelectors',
              ],
              resources: ['*'],
            }),
          ]),
      ...(props.enabledRegions === false
        ? []
        : [
            new iam.PolicyStatement({
              sid: 'ListEnabledRegions',
              actions: ['account:ListRegions'],
              resources: ['*'],
            }),
          ]),
    ];
    for (const statement of [
      ...readConfiguration,
      new iam.PolicyStatement({
        sid: 'PutAlerts',
        actions: ['events:PutEvents'],
        resources: [props.alertBus.eventBusArn],
      }),
      ...deadLetterStatements(this, {
        deadLetterQueue: props.deadLetterQueue,
        key: props.key,
        kind: 'FailedRuns',
      }),
    ])
      this.role.addToPrincipalPolicy(statement);
    if (readConfiguration.length)
      Validations.of(this.role).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          "Read-only configuration calls: cloudtrail:DescribeTrails supports no resource-level permission, the trails (shadow and organisation trails of other accounts included) are not known before it lists them, and account:ListRegions covers this account and the organisation's members.",
      });

    this.function = bundledFunction(this, 'Function', {
      description: 'rootwatch: coverage check of the forwarders (liveness) and the trails',
      code: props.code ?? bundleCode('coverage', 'code'),
      memorySize: 512,
      timeout: Duration.minutes(5),
      role: this.role,
      logGroup,
      environment,
      deadLetterQueue: props.deadLetterQueue,
    });
    this.schedule = scheduledRun(this, {
      function: this.function,
      scheduleExpression: `rate(${interval} minutes)`,
      description: 'rootwatch: run the coverage check',
      roleDescription: 'rootwatch: EventBridge Scheduler runs the coverage check',
      invokeSid: 'RunTheCheck',
      input: {
        source: 'rootwatch.coverage-schedule',
        scheduledTime: scheduler.ContextAttribute.scheduledTime,
      },
      deadLetterQueue: props.deadLetterQueue,
      key: props.key,
    });

    const metric = (metricName: string, statistic: string) =>
      new cloudwatch.Metric({
        namespace: COVERAGE_METRICS.namespace,
        metricName,
        dimensionsMap: { [COVERAGE_METRICS.dimension]: this.function.functionName },
        period: Duration.minutes(interval),
        statistic,
      });
    const topic = props.operationsTopic;
    this.alarms = {
      silentPlaces: operationsAlarm(this, 'SilentPlaces', {
        metric: metric(COVERAGE_METRICS.silent, cloudwatch.Stats.MAXIMUM),
        description: `A forwarder (account and Region) was not heard for over ${silent} minutes, or never: each is alerted once as a Rootwatch Coverage Gap; run rootwatch coverage for the list.`,
        topic,
        notifyOk: true,
      }),
      checkProblems: operationsAlarm(this, 'CheckProblems', {
        metric: metric(COVERAGE_METRICS.problems, cloudwatch.Stats.MAXIMUM),
        description:
          'The coverage check could not read a Region\'s trails or an account\'s Regions: see "coverage check could not read everything" in its log.',
        topic,
      }),
      checkOverdue: operationsAlarm(this, 'CheckOverdue', {
        metric: metric(COVERAGE_METRICS.places, cloudwatch.Stats.SAMPLE_COUNT),
        description: `No coverage check for ${3 * interval} minutes: it did not run, or failed (silent forwarders would go unreported).`,
        topic,
        comparison: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
        evaluationPeriods: 3,
        missing: cloudwatch.TreatMissingData.BREACHING,
        notifyOk: true,
      }),
      checkErrors: operationsAlarm(this, 'CheckErrors', {
        metric: this.function.metricErrors({ period: Duration.minutes(5) }),
        description: 'The coverage check failed (the liveness table unreadable?); Lambda retries it twice.',
        topic,
      }),
    };
  }
}

export { CoverageCheck };
export type { CoverageCheckProps };
