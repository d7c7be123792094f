import { SecretValue } from 'aws-cdk-lib';
import { Capture, Match } from 'aws-cdk-lib/assertions';
import * as events from 'aws-cdk-lib/aws-events';
import { describe, expect, it } from 'vitest';
import { ALERT_DETAIL_TYPES, ALERT_SOURCE } from '../../schemas/alert-event.ts';
import { HANDLER_ENV } from '../../schemas/handler-config.ts';
import { describeRef, onlyResource, synthDetector } from './synth.ts';

const FINDINGS_ONLY = { source: [ALERT_SOURCE], 'detail-type': [ALERT_DETAIL_TYPES.finding] };
const POSTURE_ONLY = { source: [ALERT_SOURCE], 'detail-type': [ALERT_DETAIL_TYPES.posture] };
/** The notifier's and the SIEM queue's: findings, posture alerts and coverage gaps. */
const SOC_ALERTS = {
  source: [ALERT_SOURCE],
  'detail-type': [ALERT_DETAIL_TYPES.finding, ALERT_DETAIL_TYPES.posture, ALERT_DETAIL_TYPES.coverage],
};
const HEC = 'https://splunk.example.com:8088/services/collector/event';

describe('Alerts: the alert bus and its routes', () => {
  const { template } = synthDetector({
    alertEmails: ['soc@example.com', 'oncall@example.com'],
    siemQueue: true,
    siemApiDestination: {
      endpoint: HEC,
      authorization: events.Authorization.apiKey('Authorization', SecretValue.secretsManager('splunk-hec')),
    },
  });

  /** The target of the one alert-bus rule for findings whose target is a resource of `type`. */
  const routeTo = (type: string) => {
    const rules = [FINDINGS_ONLY, SOC_ALERTS].flatMap((pattern) =>
      Object.values(template.findResources('AWS::Events::Rule', { Properties: { EventPattern: pattern } })),
    );
    const targets = rules.flatMap(
      (rule) => (rule.Properties as { Targets: Record<string, unknown>[] }).Targets,
    );
    const found = targets.filter((target) => String(describeRef(template, target.Arn)).startsWith(type));
    expect(found).toHaveLength(1);
    return found[0]!;
  };

  it('routes findings and posture alerts, and nothing else, to the notifier, the SIEM queue and the SIEM endpoint', () => {
    // Assess
    template.resourcePropertiesCountIs('AWS::Events::Rule', { EventPattern: SOC_ALERTS }, 2);
    // The endpoint gets each kind from a rule of its own, so that the default body names it.
    template.resourcePropertiesCountIs('AWS::Events::Rule', { EventPattern: FINDINGS_ONLY }, 1);
    template.resourcePropertiesCountIs('AWS::Events::Rule', { EventPattern: POSTURE_ONLY }, 1);
    const alertBus = onlyResource(template, 'AWS::Events::EventBus', { Name: 'rootwatch-alerts' });
    const onAlertBus = Object.values(
      template.findResources('AWS::Events::Rule', { Properties: { EventBusName: { Ref: alertBus.id } } }),
    ).map(({ Properties }) => (Properties as { EventPattern: unknown }).EventPattern);
    expect(
      onAlertBus.filter(
        (pattern) =>
          ![FINDINGS_ONLY, POSTURE_ONLY, SOC_ALERTS].some(
            (soc) => JSON.stringify(soc) === JSON.stringify(pattern),
          ),
      ),
    ).toHaveLength(
      1, // the heartbeat's, for its alarm alone
    );
  });

  it.each(['AWS::Lambda::Function', 'AWS::SQS::Queue', 'AWS::Events::ApiDestination'])(
    'retries delivery to %s for a day, then keeps the alert in the dead-letter queue',
    (type) => {
      // Act
      const target = routeTo(type);

      // Assess
      expect(target.RetryPolicy).toStrictEqual({
        MaximumRetryAttempts: 185,
        MaximumEventAgeInSeconds: 86_400,
      });
      expect(describeRef(template, (target.DeadLetterConfig as { Arn: unknown }).Arn)).toBe(
        'AWS::SQS::Queue',
      );
    },
  );

  it('emails through the notifier from an encrypted topic that refuses plain HTTP, no rule publishing to it', () => {
    // Prepare
    const topic = onlyResource(template, 'AWS::SNS::Topic', { DisplayName: 'rootwatch root activity' });

    // Assess
    expect(describeRef(template, topic.Properties.KmsMasterKeyId)).toMatch(/^AWS::KMS::Key/);
    for (const endpoint of ['soc@example.com', 'oncall@example.com']) {
      template.hasResourceProperties('AWS::SNS::Subscription', {
        Protocol: 'email',
        Endpoint: endpoint,
        TopicArn: { Ref: topic.id },
      });
    }
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topic.id }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
    const notifier = routeTo('AWS::Lambda::Function');
    expect(describeRef(template, notifier.Arn)).toBe(
      'AWS::Lambda::Function rootwatch: emails findings and posture alerts with a subject, a summary and a runbook',
    );
    expect(notifier.InputTransformer).toBeUndefined();
    const targets = Object.values(template.findResources('AWS::Events::Rule')).flatMap(
      (rule) => (rule.Properties as { Targets?: { Arn: unknown }[] }).Targets ?? [],
    );
    expect(
      targets.filter((target) => JSON.stringify(target.Arn) === JSON.stringify({ Ref: topic.id })),
    ).toStrictEqual([]);
  });

  it('keeps findings for SIEM pull in an encrypted queue whose poison messages go to the dead-letter queue', () => {
    // Prepare
    const queue = onlyResource(template, 'AWS::SQS::Queue', { RedrivePolicy: Match.anyValue() });

    // Assess
    expect(describeRef(template, queue.Properties.KmsMasterKeyId)).toMatch(/^AWS::KMS::Key/);
    expect((queue.Properties.RedrivePolicy as { maxReceiveCount: number }).maxReceiveCount).toBe(10);
  });

  it('pushes findings to the SIEM over HTTPS, with the credentials from Secrets Manager, as a Splunk HEC event', () => {
    // Assess
    template.hasResourceProperties('AWS::Events::ApiDestination', {
      InvocationEndpoint: HEC,
      HttpMethod: 'POST',
    });
    template.hasResourceProperties('AWS::Events::Connection', {
      AuthorizationType: 'API_KEY',
      AuthParameters: {
        ApiKeyAuthParameters: {
          ApiKeyName: 'Authorization',
          ApiKeyValue: '{{resolve:secretsmanager:splunk-hec:SecretString:::}}',
        },
      },
    });
    expect(routeTo('AWS::Events::ApiDestination').InputTransformer).toStrictEqual({
      InputPathsMap: { detail: '$.detail' },
      InputTemplate: '{"source":"rootwatch","sourcetype":"rootwatch:finding","event":<detail>}',
    });
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: POSTURE_ONLY,
      Targets: [
        Match.objectLike({
          InputTransformer: {
            InputPathsMap: { detail: '$.detail' },
            InputTemplate: '{"source":"rootwatch","sourcetype":"rootwatch:posture","event":<detail>}',
          },
        }),
      ],
    });
  });

  it('creates no SIEM route unless asked', () => {
    // Act
    const { template: plain } = synthDetector();

    // Assess
    plain.resourcePropertiesCountIs('AWS::Events::Rule', { EventPattern: FINDINGS_ONLY }, 0);
    plain.resourcePropertiesCountIs('AWS::Events::Rule', { EventPattern: POSTURE_ONLY }, 0);
    plain.resourcePropertiesCountIs('AWS::Events::Rule', { EventPattern: SOC_ALERTS }, 1);
    plain.resourceCountIs('AWS::Events::ApiDestination', 0);
    plain.resourceCountIs('AWS::SQS::Queue', 1);
  });

  it('uses an existing alert bus when given one, for the rules, the function and its permission', () => {
    // Prepare
    const busArn = 'arn:aws:events:us-east-1:111122223333:event-bus/soc-alerts';
    const variables = new Capture();

    // Act
    const { template: withBus } = synthDetector((stack) => ({
      alertBus: events.EventBus.fromEventBusArn(stack, 'SocBus', busArn),
    }));

    // Assess
    withBus.resourceCountIs('AWS::Events::EventBus', 1); // the ingest bus only
    withBus.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'rootwatch: validates, classifies, records and alerts root activity',
      Environment: { Variables: variables },
    });
    expect((variables.asObject() as Record<string, string>)[HANDLER_ENV.alertBus]).toBe(busArn);
    withBus.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          { Sid: 'PutAlerts', Effect: 'Allow', Action: 'events:PutEvents', Resource: busArn },
        ]),
      },
    });
    withBus.resourcePropertiesCountIs('AWS::Events::Rule', { EventBusName: 'soc-alerts' }, 2);
  });
});
