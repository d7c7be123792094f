import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { matchesPattern } from '../../detection/event-pattern-matcher.ts';
import type { EventPattern } from '../../detection/rule-pattern.ts';
import { DELIVERED_PATTERN } from '../../detection/rule-pattern.ts';
import { hearLiveness } from '../../handlers/root-activity/liveness.ts';
import { buildRootwatchApp } from '../../infra/rootwatch-app.ts';
import { RootwatchForwarderStack } from '../../infra/rootwatch-forwarder-stack.ts';
import { CoverageCheckConfigSchema } from '../../schemas/coverage-check-config.ts';
import {
  INGEST_BUS_ARN,
  onlyResource,
  SECURITY_ACCOUNT,
  statementsBySid,
  testApp,
  testSettings,
} from './synth.ts';

const MEMBER = '444455556666';
const forwarder = () =>
  Template.fromStack(
    new RootwatchForwarderStack(testApp(), 'RootwatchForwarder', { ingestBusArn: INGEST_BUS_ARN }),
  );

/**
 * What EventBridge delivers for the schedule's PutEvents entry, in `account` and `region` at `time`:
 * Scheduler fills its context attributes in [SCHED-CTX]; EventBridge adds the envelope, the account
 * being the caller's [EB-PUT].
 */
const deliveredEntry = (input: string, account: string, region: string, time: string) => {
  const scheduleArn = `arn:aws:scheduler:${region}:${account}:schedule/default/RootwatchForwarder-LivenessSchedule-1A2B`;
  const filled = input
    .replaceAll('<aws.scheduler.schedule-arn>', scheduleArn)
    .replaceAll('<aws.scheduler.scheduled-time>', time);
  const [entry] = (JSON.parse(filled) as { Entries: Record<string, unknown>[] }).Entries;
  return {
    version: '0',
    id: 'delivered-1',
    'detail-type': entry!.DetailType,
    source: entry!.Source,
    account,
    time,
    region,
    resources: entry!.Resources,
    detail: JSON.parse(entry!.Detail as string) as unknown,
  };
};

describe('Forwarder: liveness', () => {
  const template = forwarder();
  const schedule = onlyResource(template, 'AWS::Scheduler::Schedule');
  const target = schedule.Properties.Target as { Input: string; Arn: unknown; DeadLetterConfig: unknown };

  it('puts, every LivenessMinutes, an event the forwarder rule forwards and the detector hears from that account and Region', () => {
    // Prepare
    const delivered = deliveredEntry(target.Input, MEMBER, 'eu-west-1', '2026-11-29T05:00:00Z');
    const rule = onlyResource(template, 'AWS::Events::Rule', { EventPattern: DELIVERED_PATTERN });

    // Act
    const hearing = hearLiveness(delivered, new Date('2026-11-29T05:00:01Z'));

    // Assess
    expect(schedule.Properties.ScheduleExpression).toStrictEqual({
      'Fn::Sub': ['rate(${Minutes} minutes)', { Minutes: { Ref: 'LivenessMinutes' } }],
    });
    template.hasParameter('LivenessMinutes', { Type: 'Number', Default: 60, MinValue: 5, MaxValue: 1440 });
    expect(target.Arn).toStrictEqual({
      'Fn::Sub': 'arn:${AWS::Partition}:scheduler:::aws-sdk:eventbridge:putEvents',
    });
    expect(matchesPattern(rule.Properties.EventPattern as EventPattern, delivered)).toBe(true);
    expect(hearing).toMatchObject({ kind: 'heard', heard: { account: MEMBER, region: 'eu-west-1' } });
  });

  it('keeps undelivered liveness events in the forwarder dead-letter queue, through a role that may put only them', () => {
    // Prepare
    const queue = onlyResource(template, 'AWS::SQS::Queue');

    // Assess
    expect(target.DeadLetterConfig).toStrictEqual({ Arn: { 'Fn::GetAtt': [queue.id, 'Arn'] } });
    expect(statementsBySid(template, 'LivenessRole')).toMatchObject({
      PutLivenessEvents: {
        actions: ['events:PutEvents'],
        condition: {
          StringEquals: {
            'events:source': 'rootwatch.liveness',
            'events:detail-type': 'Rootwatch Forwarder Liveness',
          },
        },
      },
      KeepUndeliveredLivenessEvents: { actions: ['sqs:SendMessage'] },
    });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Action: 'sts:AssumeRole',
            Effect: 'Allow',
            Principal: { Service: 'scheduler.amazonaws.com' },
            Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
          },
        ],
      },
    });
  });

  it('alarms on any message in the forwarder dead-letter queue, notifying the topic parameter only when given', () => {
    // Prepare
    const alarm = onlyResource(template, 'AWS::CloudWatch::Alarm');
    const queue = onlyResource(template, 'AWS::SQS::Queue');
    const [conditionName] = (alarm.Properties.AlarmActions as { 'Fn::If': [string] })['Fn::If'];

    // Assess
    expect(alarm.Properties).toMatchObject({
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Namespace: 'AWS/SQS',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queue.id, 'QueueName'] } }],
      Statistic: 'Maximum',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
    });
    expect((template.toJSON().Conditions as Record<string, unknown>)[conditionName]).toStrictEqual({
      'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'AlarmTopicArn' }, ''] }],
    });
    template.hasParameter('AlarmTopicArn', { Type: 'String', Default: '' });
  });
});

describe('Detector: coverage check', () => {
  const synth = (settings: Record<string, unknown> = {}) =>
    Template.fromStack(
      buildRootwatchApp(testApp(), testSettings({ account: SECURITY_ACCOUNT, ...settings })).detector,
    );

  it('runs on a schedule with settings the function accepts at cold start', () => {
    // Prepare
    const template = synth({
      coverageSilentMinutes: 240,
      coverageCheckMinutes: 30,
      coverageAccounts: MEMBER,
    });
    const fn = onlyResource(template, 'AWS::Lambda::Function', {
      Description: 'rootwatch: coverage check of the forwarders (liveness) and the trails',
    });
    const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;

    // Assess
    expect(
      CoverageCheckConfigSchema.parse({
        ...variables,
        ROOTWATCH_ALERT_BUS: 'bus',
        ROOTWATCH_LIVENESS_TABLE: 'table',
      }),
    ).toMatchObject({
      ROOTWATCH_COVERAGE_SILENT_MINUTES: 240,
      ROOTWATCH_COVERAGE_ACCOUNTS: [MEMBER],
      ROOTWATCH_COVERAGE_ENABLED_REGIONS: true,
      ROOTWATCH_COVERAGE_TRAILS: true,
    });
    template.hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'rate(30 minutes)' });
  });

  it('may read the liveness table and CloudTrail configuration, put alerts, and nothing else of AWS', () => {
    // Prepare
    const template = synth();

    // Act
    const statements = statementsBySid(template, 'CoverageRole');

    // Assess
    expect(
      Object.fromEntries(Object.entries(statements).map(([sid, { actions }]) => [sid, actions])),
    ).toStrictEqual({
      WriteOwnLogsAndRecords: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      EncryptLogsThroughCloudWatchLogs: ['kms:Decrypt', 'kms:GenerateDataKey'],
      ReadLiveness: ['dynamodb:Scan', 'dynamodb:UpdateItem'],
      ReadLivenessThroughDynamoDb: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'],
      ReadTrailConfiguration: [
        'cloudtrail:DescribeTrails',
        'cloudtrail:GetEventSelectors',
        'cloudtrail:GetTrailStatus',
      ],
      ListEnabledRegions: ['account:ListRegions'],
      PutAlerts: ['events:PutEvents'],
      KeepFailedRuns: ['sqs:SendMessage'],
      EncryptFailedRunsThroughSqs: ['kms:Decrypt', 'kms:GenerateDataKey'],
    });
  });

  it('alarms operations on silent places, unread inputs, a check overdue and check errors', () => {
    // Prepare
    const template = synth();

    // Assess
    for (const metric of ['SilentPlaces', 'CoverageProblems', 'CoveragePlaces'])
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'rootwatch',
        MetricName: metric,
      });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'CoveragePlaces',
      TreatMissingData: 'breaching',
      ComparisonOperator: 'LessThanThreshold',
    });
  });

  it('is left out with coverageCheck false, the liveness table kept for rootwatch coverage', () => {
    // Prepare
    const template = synth({ coverageCheck: false });

    // Assess
    template.resourcePropertiesCountIs(
      'AWS::Lambda::Function',
      { Description: 'rootwatch: coverage check of the forwarders (liveness) and the trails' },
      0,
    );
    template.hasOutput('LivenessTableName', {});
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
  });
});
