import { Capture, Match } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Template } from 'aws-cdk-lib/assertions';
import { Stack } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { RootActivityDetector } from '../../infra/root-activity-detector.ts';
import { buildRootwatchApp } from '../../infra/rootwatch-app.ts';
import { ALERT_DETAIL_TYPES, ALERT_SOURCE } from '../../schemas/alert-event.ts';
import { DeployConfigSchema } from '../../schemas/deploy-config.ts';
import { NOTIFIER_ENV } from '../../schemas/notifier-config.ts';
import { describeRef, onlyResource, SECURITY_ACCOUNT, synthDetector, testApp } from './synth.ts';

const NOTIFIER = 'rootwatch: emails findings and posture alerts with a subject, a summary and a runbook';
const IMPORTER = 'rootwatch: imports findings into Security Hub in ASFF';
const KEY = 'AWS::KMS::Key rootwatch: encrypts root-activity records, alerts and dead letters';

/** The statements of the role of the function described as `description`, readably. */
const roleStatements = (template: Template, description: string) => {
  const role = onlyResource(template, 'AWS::IAM::Role', { Description: description });
  const policy = onlyResource(template, 'AWS::IAM::Policy', { Roles: [{ Ref: role.id }] });
  const statements = (policy.Properties.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement;
  return {
    role,
    statements,
    readable: statements.map(({ Sid, Action, Resource, Condition }) => ({
      Sid,
      Action,
      Resource: [Resource].flat().map((resource) => describeRef(template, resource)),
      ...(Condition ? { Condition } : {}),
    })),
  };
};

/** The one rule on the alert bus that targets the function described as `description` (tampering rules only name it). */
const ruleOf = (template: Template, description: string) => {
  const fn = onlyResource(template, 'AWS::Lambda::Function', { Description: description });
  const rules = Object.values(template.findResources('AWS::Events::Rule')).filter((rule) =>
    JSON.stringify((rule.Properties as { Targets?: unknown }).Targets ?? []).includes(`"${fn.id}"`),
  );
  expect(rules).toHaveLength(1);
  return rules[0]!.Properties as {
    EventBusName: unknown;
    EventPattern: unknown;
    Targets: Record<string, unknown>[];
  };
};

describe('Notifications: the notifier function', () => {
  const { template } = synthDetector({ alertEmails: ['soc@example.com'] });
  const topic = onlyResource(template, 'AWS::SNS::Topic', { DisplayName: 'rootwatch root activity' });

  it('runs the notifier bundle on nodejs22.x, arm64, publishing to the alert topic', () => {
    // Prepare
    const variables = new Capture();

    // Assess
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: NOTIFIER,
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      MemorySize: 512,
      Environment: { Variables: variables },
      LoggingConfig: {
        LogGroup: {
          Ref: onlyResource(template, 'AWS::Logs::LogGroup', { LogGroupName: '/rootwatch/notifier' }).id,
        },
      },
    });
    const { [NOTIFIER_ENV.incidentTable]: table, ...others } = variables.asObject();
    expect(others).toStrictEqual({
      [NOTIFIER_ENV.topicArn]: { Ref: topic.id },
      [NOTIFIER_ENV.logLevel]: 'info',
    });
    // The incident table keeps the ids of the alerts it published (docs/incidents-and-suppression.md).
    expect(describeRef(template, table)).toBe('AWS::DynamoDB::Table');
  });

  it('keeps no table of sent alerts when incidents are off (each container remembers its own)', () => {
    // Act
    const off = synthDetector({ alertEmails: ['soc@example.com'], incidents: false }).template;

    // Assess
    const fn = onlyResource(off, 'AWS::Lambda::Function', { Description: NOTIFIER });
    const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(Object.keys(variables).sort()).toStrictEqual(
      [NOTIFIER_ENV.logLevel, NOTIFIER_ENV.topicArn].sort(),
    );
  });

  it('receives findings and posture alerts from the alert bus, with retries and the dead-letter queue', () => {
    // Act
    const rule = ruleOf(template, NOTIFIER);

    // Assess
    expect(rule.EventBusName).toStrictEqual({
      Ref: onlyResource(template, 'AWS::Events::EventBus', { Name: 'rootwatch-alerts' }).id,
    });
    expect(rule.EventPattern).toStrictEqual({
      source: [ALERT_SOURCE],
      'detail-type': [ALERT_DETAIL_TYPES.finding, ALERT_DETAIL_TYPES.posture, ALERT_DETAIL_TYPES.coverage],
    });
    expect(rule.Targets[0]).toMatchObject({
      RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86_400 },
    });
    expect(describeRef(template, (rule.Targets[0]!.DeadLetterConfig as { Arn: unknown }).Arn)).toBe(
      'AWS::SQS::Queue',
    );
  });

  it('may publish to the alert topic only, use the key only through SNS and SQS, and write only its log', () => {
    // Act
    const { readable, statements, role } = roleStatements(template, NOTIFIER);

    // Assess
    expect(readable).toStrictEqual([
      {
        Sid: 'WriteOwnLog',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: ['AWS::Logs::LogGroup /rootwatch/notifier'],
      },
      { Sid: 'KeepFailedInvocations', Action: 'sqs:SendMessage', Resource: ['AWS::SQS::Queue'] },
      {
        Sid: 'EncryptFailedInvocationsThroughSqs',
        Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
        Resource: [KEY],
        Condition: { StringEquals: { 'kms:ViaService': 'sqs.us-east-1.amazonaws.com' } },
      },
      {
        Sid: 'PublishToAlertTopic',
        Action: 'sns:Publish',
        Resource: ['AWS::SNS::Topic'],
      },
      {
        Sid: 'EncryptThroughSns',
        Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
        Resource: [KEY],
        Condition: { StringEquals: { 'kms:ViaService': 'sns.us-east-1.amazonaws.com' } },
      },
      {
        Sid: 'KeepIncidents',
        Action: ['dynamodb:GetItem', 'dynamodb:PutItem'],
        Resource: ['AWS::DynamoDB::Table'],
      },
      {
        Sid: 'EncryptIncidentsThroughDynamoDb',
        Action: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'],
        Resource: [KEY],
        Condition: { StringEquals: { 'kms:ViaService': 'dynamodb.us-east-1.amazonaws.com' } },
      },
    ]);
    expect(statements[3]!.Resource).toStrictEqual({ Ref: topic.id });
    for (const statement of statements)
      for (const resource of [statement.Resource].flat()) expect(JSON.stringify(resource)).not.toContain('*');
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
  });

  it('retries failed invocations twice, then keeps them in the dead-letter queue', () => {
    // Prepare
    const fn = onlyResource(template, 'AWS::Lambda::Function', { Description: NOTIFIER });

    // Assess
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: fn.id },
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 6 * 3600,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
  });
});

describe('Notifications: the Security Hub import option', () => {
  it('is off by default', () => {
    // Act
    const { template } = synthDetector();

    // Assess
    template.resourcePropertiesCountIs('AWS::Lambda::Function', { Description: IMPORTER }, 0);
    expect(JSON.stringify(template.toJSON())).not.toContain('securityhub:');
  });

  it('imports findings, and only findings, through the default product of this account and Region only', () => {
    // Prepare
    const { template, stack } = synthDetector({ securityHubImport: true });

    // Act
    const { readable } = roleStatements(template, IMPORTER);
    const rule = ruleOf(template, IMPORTER);

    // Assess
    expect(rule.EventPattern).toStrictEqual({
      source: [ALERT_SOURCE],
      'detail-type': [ALERT_DETAIL_TYPES.finding],
    });
    expect(readable.map(({ Sid }) => Sid)).toStrictEqual([
      'WriteOwnLog',
      'KeepFailedInvocations',
      'EncryptFailedInvocationsThroughSqs',
      'ImportFindings',
    ]);
    expect(readable[3]).toStrictEqual({
      Sid: 'ImportFindings',
      Action: 'securityhub:BatchImportFindings',
      Resource: [
        stack.resolve(
          `arn:${stack.partition}:securityhub:us-east-1:${SECURITY_ACCOUNT}:product/${SECURITY_ACCOUNT}/default`,
        ),
      ],
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/rootwatch/security-hub-import',
      KmsKeyId: Match.anyValue(),
    });
  });

  it('is a deploy setting (-c securityHubImport=true)', () => {
    // Prepare
    const app = testApp();

    // Act
    const { detector } = buildRootwatchApp(
      app,
      DeployConfigSchema.parse({ account: SECURITY_ACCOUNT, securityHubImport: 'true' }),
    );

    // Assess
    expect(detector.detector.securityHubImportFunction).toBeDefined();
  });

  it('refuses import code without the import', () => {
    expect(
      () =>
        new RootActivityDetector(new Stack(testApp(), 'Props'), 'Detector', {
          securityHubImportCode: lambda.Code.fromInline('export const handler = async () => {};'),
        }),
    ).toThrow('RootActivityDetector: securityHubImportCode is given but securityHubImport is not true');
  });
});
