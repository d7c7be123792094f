import { Duration, Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { CompletenessScan, completenessSchedule } from '../../infra/completeness-scan.ts';
import type { CompletenessScanProps } from '../../infra/completeness-scan.ts';
import { buildRootwatchApp } from '../../infra/rootwatch-app.ts';
import { CompletenessConfigSchema } from '../../schemas/completeness-config.ts';
import { DeployConfigSchema } from '../../schemas/deploy-config.ts';
import {
  onlyResource,
  RECORD_ONLY,
  SECURITY_ACCOUNT,
  statementsBySid,
  testApp,
  testSettings,
} from './synth.ts';

const BUCKET = 'org-trail-logs';
const TRAIL_KEY = 'arn:aws:kms:us-east-1:999988887777:key/1234abcd-12ab-34cd-56ef-1234567890ab';

const synth = (settings: Record<string, unknown> = {}) => {
  const { detector } = buildRootwatchApp(
    testApp(),
    testSettings({
      account: SECURITY_ACCOUNT,
      organizationId: 'o-a1b2c3d4e5',
      trailBucketName: BUCKET,
      ...settings,
    }),
  );
  return Template.fromStack(detector);
};
const completenessFunction = (template: Template) => {
  const [fn] = Object.values(
    template.findResources('AWS::Lambda::Function', {
      Properties: { Description: Match.stringLikeRegexp('completeness') },
    }),
  );
  return fn?.Properties as
    { Environment: { Variables: Record<string, unknown> }; [key: string]: unknown } | undefined;
};
const roleStatements = (template: Template) => statementsBySid(template, 'CompletenessRole');

describe('Construct: CompletenessScan', () => {
  it('runs the completeness bundle for 15 minutes at most, on arm64, from a daily 01:00 UTC schedule naming its time', () => {
    // Prepare
    const template = synth();

    // Assess
    expect(completenessFunction(template)).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      Timeout: 900,
      MemorySize: 2048,
    });
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 1 * * ? *)',
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: Match.objectLike({
        Input: JSON.stringify({
          source: 'rootwatch.completeness-schedule',
          scheduledTime: '<aws.scheduler.scheduled-time>',
        }),
        RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 21600 },
        DeadLetterConfig: { Arn: Match.anyValue() },
      }),
    });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      MaximumRetryAttempts: 1,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
  });

  it('gives the function an environment its configuration schema accepts, with the organisation trail prefix', () => {
    // Prepare
    const variables = completenessFunction(synth({ completenessHours: '6', alertMinSeverity: 'high' }))!
      .Environment.Variables;
    const asText = Object.fromEntries(
      Object.entries(variables).map(([name, value]) => [
        name,
        typeof value === 'string' ? value : 'resolved-at-deploy',
      ]),
    );

    // Assess
    expect(CompletenessConfigSchema.parse(asText)).toMatchObject({
      ROOTWATCH_TRAIL_BUCKET: BUCKET,
      ROOTWATCH_TRAIL_PREFIX: 'AWSLogs/o-a1b2c3d4e5/',
      ROOTWATCH_COMPLETENESS_HOURS: 6,
      ROOTWATCH_COMPLETENESS_SETTLE_MINUTES: 60,
      ROOTWATCH_ALERT_MIN_SEVERITY: 'high',
      ROOTWATCH_LOG_GROUP: '/rootwatch/records',
    });
  });

  it('grants exactly what a run needs: the trail under its prefix, the records, the alert bus', () => {
    // Act
    const statements = roleStatements(synth({ trailKmsKeyArn: TRAIL_KEY }));

    // Assess
    expect(statements).toMatchObject({
      ListTheTrail: {
        actions: ['s3:ListBucket'],
        resources: [`arn:aws:s3:::${BUCKET}`],
        condition: { StringLike: { 's3:prefix': ['AWSLogs/o-a1b2c3d4e5/*'] } },
      },
      ReadTheTrail: {
        actions: ['s3:GetObject'],
        resources: [`arn:aws:s3:::${BUCKET}/AWSLogs/o-a1b2c3d4e5/*`],
      },
      DecryptTheTrailThroughS3: {
        actions: ['kms:Decrypt'],
        resources: [TRAIL_KEY],
        condition: { StringLike: { 'kms:ViaService': 's3.*.amazonaws.com' } },
      },
      ReadTheLiveRecords: {
        actions: ['logs:FilterLogEvents'],
        resources: ['AWS::Logs::LogGroup /rootwatch/records'],
      },
      PutAlerts: { actions: ['events:PutEvents'], resources: ['AWS::Events::EventBus rootwatch-alerts'] },
      WriteOwnLogsAndRecords: {
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [
          'AWS::Logs::LogGroup /rootwatch/completeness-function',
          'AWS::Logs::LogGroup /rootwatch/records',
        ],
      },
    });
    expect(Object.keys(statements).sort()).toStrictEqual([
      'DecryptTheTrailThroughS3',
      'EncryptFailedRunsThroughSqs',
      'EncryptLogsThroughCloudWatchLogs',
      'KeepFailedRuns',
      'ListTheTrail',
      'PutAlerts',
      'ReadTheLiveRecords',
      'ReadTheTrail',
      'WriteOwnLogsAndRecords',
    ]);
  });

  it('decrypts nothing when the trail is not encrypted with a key of its own, and reads an account trail under AWSLogs/', () => {
    // Act
    const statements = roleStatements(synth({ organizationId: undefined }));

    // Assess
    expect(statements.DecryptTheTrailThroughS3).toBeUndefined();
    expect(statements.ReadTheTrail?.resources).toStrictEqual([`arn:aws:s3:::${BUCKET}/AWSLogs/*`]);
  });

  it('alarms operations on missed events, an incomplete run, an overdue run and a failed run', () => {
    // Prepare
    const template = synth({ completenessHours: 6 });
    const alarms = template.findResources('AWS::CloudWatch::Alarm', {
      Properties: { AlarmDescription: Match.stringLikeRegexp('completeness') },
    });
    const operations = onlyResource(template, 'AWS::SNS::Topic', { DisplayName: 'rootwatch operations' });
    const summary = Object.values(alarms).map(({ Properties: p }) => ({
      metric: `${String(p.Namespace)}/${String(p.MetricName)} ${String(p.Statistic)}`,
      comparison: p.ComparisonOperator,
      periods: p.EvaluationPeriods,
      missing: p.TreatMissingData,
      notifies: p.AlarmActions,
    }));

    // Assess
    expect(summary).toStrictEqual([
      {
        metric: 'rootwatch/MissedRootEvents Sum',
        comparison: 'GreaterThanOrEqualToThreshold',
        periods: 1,
        missing: 'notBreaching',
        notifies: [{ Ref: operations.id }],
      },
      {
        metric: 'rootwatch/CompleteScans Minimum',
        comparison: 'LessThanThreshold',
        periods: 1,
        missing: 'notBreaching',
        notifies: [{ Ref: operations.id }],
      },
      {
        metric: 'rootwatch/CompleteScans Sum',
        comparison: 'LessThanThreshold',
        periods: 8,
        missing: 'breaching',
        notifies: [{ Ref: operations.id }],
      },
      {
        metric: 'AWS/Lambda/Errors Sum',
        comparison: 'GreaterThanOrEqualToThreshold',
        periods: 1,
        missing: 'notBreaching',
        notifies: [{ Ref: operations.id }],
      },
    ]);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'MissedRootEvents',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: Match.stringLikeRegexp('^CompletenessFunction') } }],
    });
  });

  it('tells the trail bucket’s owners which role to let in', () => {
    synth().hasOutput('CompletenessRoleArn', {
      Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^CompletenessRole'), 'Arn'] },
    });
  });

  it('is left out without a trail bucket', () => {
    // Prepare
    const template = synth({ trailBucketName: undefined });

    // Assess
    expect(completenessFunction(template)).toBeUndefined();
    expect(Object.keys(template.findOutputs('CompletenessRoleArn'))).toStrictEqual([]);
  });

  it.each([
    { hours: 24, settle: 60, expression: 'cron(0 1 * * ? *)' },
    { hours: 6, settle: 60, expression: 'cron(0 1/6 * * ? *)' },
    { hours: 1, settle: 60, expression: 'cron(0 0/1 * * ? *)' },
    { hours: 4, settle: 90, expression: 'cron(30 1/4 * * ? *)' },
  ])(
    'runs windows of $hours hours $settle minutes after they end: $expression',
    ({ hours, settle, expression }) => {
      expect(completenessSchedule(hours, settle)).toBe(expression);
    },
  );

  it.each<{ scenario: string; props: Partial<CompletenessScanProps>; message: string }>([
    {
      scenario: 'a window that does not tile the day',
      props: { window: Duration.hours(5) },
      message: 'window must be',
    },
    { scenario: 'too little memory', props: { memorySize: 256 }, message: 'memorySize must be' },
    {
      scenario: 'a prefix without its slash',
      props: { trailPrefix: 'AWSLogs' },
      message: 'ROOTWATCH_TRAIL_PREFIX',
    },
  ])('refuses $scenario at synthesis', ({ props, message }) => {
    // Prepare
    const stack = new Stack(testApp(), 'Security', {
      env: { account: SECURITY_ACCOUNT, region: 'us-east-1' },
    });
    const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
    const recordLogGroup = new logs.LogGroup(stack, 'Records');

    // Act
    const build = () =>
      new CompletenessScan(stack, 'Completeness', {
        key,
        recordLogGroup,
        recordLogGroupName: '/rootwatch/records',
        alertBus: new events.EventBus(stack, 'Bus'),
        deadLetterQueue: new sqs.Queue(stack, 'Dlq'),
        operationsTopic: new sns.Topic(stack, 'Ops'),
        logGroupName: '/rootwatch/completeness-function',
        logRetention: logs.RetentionDays.ONE_WEEK,
        trailBucketName: BUCKET,
        code: lambda.Code.fromInline('export const handler = async () => {};'),
        ...props,
      });

    // Assess
    expect(build).toThrow(message);
  });
});

describe('Deploy settings: the completeness scan', () => {
  it.each([
    { settings: { trailPrefix: 'AWSLogs/' }, path: 'trailBucketName' },
    { settings: { trailBucketName: BUCKET, completenessHours: '5' }, path: 'completenessHours' },
    { settings: { trailBucketName: 'Org_Trail' }, path: 'trailBucketName' },
    { settings: { trailBucketName: BUCKET, trailKmsKeyArn: 'alias/trail' }, path: 'trailKmsKeyArn' },
  ])('refuses $settings', ({ settings, path }) => {
    // Act
    const parsed = DeployConfigSchema.safeParse({ ...RECORD_ONLY, ...settings });

    // Assess
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toStrictEqual([path]);
  });
});
