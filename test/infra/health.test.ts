import { Duration } from 'aws-cdk-lib';
import { Capture, Match } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import { CIS_ROOT_USAGE_PATTERN } from '../../infra/cis-root-usage-alarm.ts';
import { ALERT_DETAIL_TYPES, ALERT_SOURCE } from '../../schemas/alert-event.ts';
import { HeartbeatEventSchema } from '../../schemas/heartbeat-event.ts';
import { describeRef, onlyResource, synthDetector } from './synth.ts';

type Alarm = { Properties: Record<string, unknown> };

describe('Health: alarms and the heartbeat', () => {
  const { template } = synthDetector({ operationsEmails: ['ops@example.com'] });
  const operationsTopic = onlyResource(template, 'AWS::SNS::Topic', { DisplayName: 'rootwatch operations' });
  const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')) as Alarm[];
  /** What an alarm watches: its first dimension's resource, readably. */
  const watched = (properties: Record<string, unknown>) =>
    String(describeRef(template, (properties.Dimensions as { Value: unknown }[] | undefined)?.[0]?.Value));
  /** The one alarm on `metricName` (of the detector function, for Lambda metrics). */
  const alarmOn = (metricName: string, on = /validates, classifies|^(?!AWS::Lambda)/) => {
    const found = alarms.filter(
      ({ Properties }) => Properties.MetricName === metricName && on.test(watched(Properties)),
    );
    expect(found).toHaveLength(1);
    return found[0]!.Properties;
  };

  it('notifies operations by email from an encrypted topic', () => {
    expect(describeRef(template, operationsTopic.Properties.KmsMasterKeyId)).toMatch(/^AWS::KMS::Key/);
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.com',
      TopicArn: { Ref: operationsTopic.id },
    });
  });

  it.each([
    { metric: 'Errors', namespace: 'AWS/Lambda', statistic: 'Sum' },
    { metric: 'Throttles', namespace: 'AWS/Lambda', statistic: 'Sum' },
    { metric: 'ApproximateNumberOfMessagesVisible', namespace: 'AWS/SQS', statistic: 'Maximum' },
  ])('alarms operations on the first $metric within 5 minutes', ({ metric, namespace, statistic }) => {
    // Act
    const alarm = alarmOn(metric);

    // Assess
    expect(alarm).toMatchObject({
      Namespace: namespace,
      Statistic: statistic,
      Period: 300,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
      AlarmActions: [{ Ref: operationsTopic.id }],
    });
  });

  it('watches the function and the dead-letter queue of the detector', () => {
    expect(describeRef(template, (alarmOn('Errors').Dimensions as { Value: unknown }[])[0]!.Value)).toMatch(
      /^AWS::Lambda::Function/,
    );
    expect(
      describeRef(
        template,
        (alarmOn('ApproximateNumberOfMessagesVisible').Dimensions as { Value: unknown }[])[0]!.Value,
      ),
    ).toBe('AWS::SQS::Queue');
  });

  it.each([
    { settings: {}, functions: ['emails findings'] },
    { settings: { securityHubImport: true }, functions: ['emails findings', 'Security Hub'] },
  ])(
    'alarms operations within 5 minutes when an alert function fails: $functions',
    ({ settings, functions }) => {
      // Prepare
      const synthesized = synthDetector({ operationsEmails: ['ops@example.com'], ...settings }).template;
      const topic = onlyResource(synthesized, 'AWS::SNS::Topic', { DisplayName: 'rootwatch operations' });

      // Act
      const errorAlarms = Object.values(
        synthesized.findResources('AWS::CloudWatch::Alarm', { Properties: { MetricName: 'Errors' } }),
      ).map(({ Properties }) => ({
        watches: String(
          describeRef(synthesized, (Properties as { Dimensions: { Value: unknown }[] }).Dimensions[0]!.Value),
        ),
        period: (Properties as { Period: number }).Period,
        actions: (Properties as { AlarmActions: unknown }).AlarmActions,
      }));

      // Assess
      expect(errorAlarms).toHaveLength(1 + functions.length);
      for (const what of ['validates, classifies', ...functions]) {
        expect(errorAlarms.filter(({ watches }) => watches.includes(what))).toStrictEqual([
          {
            watches: expect.stringMatching(/^AWS::Lambda::Function/),
            period: 300,
            actions: [{ Ref: topic.id }],
          },
        ]);
      }
    },
  );

  it('invokes the function daily with a heartbeat event its schema accepts', () => {
    // Prepare
    const target = new Capture();
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 day)',
      Targets: [target],
    });
    const { Arn, InputTransformer, DeadLetterConfig } = target.asObject() as {
      Arn: unknown;
      InputTransformer: { InputPathsMap: Record<string, string>; InputTemplate: string };
      DeadLetterConfig: { Arn: unknown };
    };

    // Act
    const delivered = JSON.parse(
      InputTransformer.InputTemplate.replace('<time>', '"2026-11-29T06:00:00Z"'),
    ) as unknown;

    // Assess
    expect(describeRef(template, Arn)).toMatch(/^AWS::Lambda::Function/);
    expect(describeRef(template, DeadLetterConfig.Arn)).toBe('AWS::SQS::Queue');
    expect(InputTransformer.InputPathsMap).toStrictEqual({ time: '$.time' });
    expect(HeartbeatEventSchema.parse(delivered)).toStrictEqual({
      source: 'rootwatch.heartbeat',
      'detail-type': 'Rootwatch Heartbeat',
      time: '2026-11-29T06:00:00Z',
    });
  });

  it('counts heartbeat alerts on the alert bus with a rule of their own, written to an encrypted log', () => {
    // Prepare
    const alertBus = onlyResource(template, 'AWS::Events::EventBus', { Name: 'rootwatch-alerts' });
    const target = new Capture();

    // Assess
    template.hasResourceProperties('AWS::Events::Rule', {
      EventBusName: { Ref: alertBus.id },
      EventPattern: { source: [ALERT_SOURCE], 'detail-type': [ALERT_DETAIL_TYPES.heartbeat] },
      Targets: [target],
    });
    expect((target.asObject() as { Arn: unknown }).Arn).toBe(
      'arn:aws:logs:us-east-1:111122223333:log-group:/rootwatch/heartbeats',
    );
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/rootwatch/heartbeats',
      RetentionInDays: 90,
      KmsKeyId: Match.anyValue(),
    });
    const policy = JSON.stringify(
      onlyResource(template, 'AWS::Logs::ResourcePolicy').Properties.PolicyDocument,
    );
    const heartbeatLogGroup = onlyResource(template, 'AWS::Logs::LogGroup', {
      LogGroupName: '/rootwatch/heartbeats',
    });
    expect(policy).toContain(
      String.raw`\"Action\":[\"logs:CreateLogStream\",\"logs:PutLogEvents\"],\"Effect\":\"Allow\",\"Principal\":{\"Service\":[\"events.amazonaws.com\",\"delivery.logs.amazonaws.com\"]}`,
    );
    expect(policy).toContain(JSON.stringify({ 'Fn::GetAtt': [heartbeatLogGroup.id, 'Arn'] }));
  });

  it('alarms when no heartbeat alert arrived for a day and two hours, missing data counting as missing heartbeats', () => {
    // Prepare
    const heartbeatRule = onlyResource(template, 'AWS::Events::Rule', {
      EventPattern: { 'detail-type': [ALERT_DETAIL_TYPES.heartbeat] },
    });

    // Act
    const alarm = alarmOn('Invocations');

    // Assess
    expect(alarm).toMatchObject({
      Namespace: 'AWS/Events',
      Statistic: 'Sum',
      Period: 3600,
      EvaluationPeriods: 26,
      DatapointsToAlarm: 26,
      Threshold: 1,
      ComparisonOperator: 'LessThanThreshold',
      TreatMissingData: 'breaching',
      AlarmActions: [{ Ref: operationsTopic.id }],
      OKActions: [{ Ref: operationsTopic.id }],
    });
    expect(alarm.Dimensions).toStrictEqual(
      expect.arrayContaining([
        { Name: 'EventBusName', Value: expect.anything() as unknown },
        { Name: 'RuleName', Value: { Ref: heartbeatRule.id } },
      ]),
    );
  });

  it('alarms operations when root events fail validation, counted from the record log group', () => {
    // Prepare
    const [filter] = Object.values(template.findResources('AWS::Logs::MetricFilter'));

    // Assess
    expect(filter?.Properties).toMatchObject({
      FilterPattern: '{ $.kind = "invalid-event" }',
      MetricTransformations: [
        { MetricNamespace: 'rootwatch', MetricName: 'InvalidEvents', MetricValue: '1' },
      ],
    });
    expect(describeRef(template, filter?.Properties.LogGroupName)).toBe(
      'AWS::Logs::LogGroup /rootwatch/records',
    );
    expect(alarmOn('InvalidEvents')).toMatchObject({
      Namespace: 'rootwatch',
      Period: 300,
      Threshold: 1,
      AlarmActions: [{ Ref: operationsTopic.id }],
    });
  });

  it('follows a custom heartbeat interval with its alarm window', () => {
    // Act
    const { template: sixHourly } = synthDetector({ heartbeatInterval: Duration.hours(6) });

    // Assess
    sixHourly.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(6 hours)' });
    sixHourly.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Invocations',
      EvaluationPeriods: 8,
      DatapointsToAlarm: 8,
    });
  });
});

describe('Health: the CIS option', () => {
  it('adds no CIS metric filter unless a CloudTrail log group is given', () => {
    // Only the record log group's own filter (invalid events) is there.
    synthDetector().template.resourceCountIs('AWS::Logs::MetricFilter', 1);
  });

  it('adds the exact CIS metric filter on the trail log group and its alarm to the alert topic', () => {
    // Act
    const { template } = synthDetector((stack) => ({
      cisTrailLogGroup: logs.LogGroup.fromLogGroupName(stack, 'Trail', 'aws-cloudtrail-logs-organisation'),
    }));
    const alertTopic = onlyResource(template, 'AWS::SNS::Topic', { DisplayName: 'rootwatch root activity' });

    // Assess
    expect(CIS_ROOT_USAGE_PATTERN).toBe(
      '{$.userIdentity.type="Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !="AwsServiceEvent"}',
    );
    template.hasResourceProperties('AWS::Logs::MetricFilter', {
      LogGroupName: 'aws-cloudtrail-logs-organisation',
      FilterPattern: CIS_ROOT_USAGE_PATTERN,
      MetricTransformations: [
        { MetricNamespace: 'CISLogMetrics', MetricName: 'RootAccountUsage', MetricValue: '1' },
      ],
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'CISLogMetrics',
      MetricName: 'RootAccountUsage',
      Statistic: 'Sum',
      Period: 300,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: [{ Ref: alertTopic.id }],
    });
  });
});
