import { Duration, Stack } from 'aws-cdk-lib';
import { Capture, Match } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DELIVERED_PATTERN } from '../../detection/rule-pattern.ts';
import { bundleCode } from '../../infra/lambda-bundle.ts';
import { RootActivityDetector } from '../../infra/root-activity-detector.ts';
import { RULE_STATE } from '../../infra/root-activity-rule.ts';
import { HandlerConfigSchema, HANDLER_ENV } from '../../schemas/handler-config.ts';
import { resolver } from './resolve.ts';
import { describeRef, onlyResource, SECURITY_ACCOUNT, synthDetector, testApp } from './synth.ts';
import { LAMBDA_BUNDLE_OPTIONS } from '../../build/lambda-bundles.ts';

const logGroupArn = (name: string) => `arn:aws:logs:us-east-1:${SECURITY_ACCOUNT}:log-group:${name}`;
/** The detector function, among the functions of the construct (the notifier is another). */
const DETECTOR = { Description: 'rootwatch: validates, classifies, records and alerts root activity' };

describe('Construct: RootActivityDetector', () => {
  const { template, detector, stack } = synthDetector({ organizationId: 'o-a1b2c3d4e5' });

  it('builds with one statement and no props (synthesis then asks for an alert destination)', () => {
    // Prepare
    const bare = new Stack(testApp(), 'Bare');

    // Act
    new RootActivityDetector(bare, 'Detector');

    // Assess
    expect(bare.node.findAll().some((node) => node instanceof lambda.Function)).toBe(true);
  });

  describe('function', () => {
    it('runs the bundle on the runtime its build targets (nodejs22.x), arm64, with its handler export', () => {
      // Prepare
      const runtime = new Capture();

      // Assess
      template.resourceCountIs('AWS::Lambda::Function', 2); // the detector and the notifier
      template.hasResourceProperties('AWS::Lambda::Function', {
        ...DETECTOR,
        Runtime: runtime,
        Architectures: ['arm64'],
        Handler: 'index.handler',
        MemorySize: 512,
        Timeout: 30,
      });
      expect(runtime.asString()).toBe(`nodejs${String(LAMBDA_BUNDLE_OPTIONS.target).replace(/^node/, '')}.x`);
    });

    it('gets the settings the handler reads, which its own schema accepts', () => {
      // Prepare
      const variables = new Capture();
      template.hasResourceProperties('AWS::Lambda::Function', {
        ...DETECTOR,
        Environment: { Variables: variables },
      });
      const environment = variables.asObject() as Record<string, unknown>;

      // Assess
      expect(Object.keys(environment).sort()).toStrictEqual(
        [
          HANDLER_ENV.alertBus,
          HANDLER_ENV.logGroup,
          HANDLER_ENV.alertMinSeverity,
          HANDLER_ENV.logLevel,
          HANDLER_ENV.incidentTable,
          HANDLER_ENV.incidentQuietMinutes,
          HANDLER_ENV.detectorConfig,
          HANDLER_ENV.livenessTable,
        ].sort(),
      );
      expect(describeRef(template, environment[HANDLER_ENV.alertBus])).toBe(
        'AWS::Events::EventBus rootwatch-alerts',
      );
      expect(environment[HANDLER_ENV.logGroup]).toBe('/rootwatch/records');
      expect(
        HandlerConfigSchema.safeParse({
          ...environment,
          [HANDLER_ENV.alertBus]: 'rootwatch-alerts',
          [HANDLER_ENV.incidentTable]: 'rootwatch-incidents',
          [HANDLER_ENV.detectorConfig]: resolver(template)(environment[HANDLER_ENV.detectorConfig]),
          [HANDLER_ENV.livenessTable]: 'rootwatch-liveness',
        }).success,
      ).toBe(true);
    });

    it('passes the detector config as JSON, validated at synth time, with the resources it protects', () => {
      // Prepare
      const variables = new Capture();
      const { template: configured } = synthDetector({ detectorConfig: { cisVersions: ['5.0.0'] } });

      // Act
      configured.hasResourceProperties('AWS::Lambda::Function', {
        ...DETECTOR,
        Environment: { Variables: variables },
      });
      const config = JSON.parse(
        resolver(configured)(
          (variables.asObject() as Record<string, unknown>)[HANDLER_ENV.detectorConfig],
        ) as string,
      ) as Record<string, unknown>;

      // Assess
      expect(config).toMatchObject({ cisVersions: ['5.0.0'], severityOverrides: [] });
      expect(Object.keys(config.protectedResources as object).sort()).toStrictEqual(
        ['eventBuses', 'eventRules', 'functions', 'kmsKeys', 'logGroups', 'snsTopics', 'stacks'].sort(),
      );
    });

    it('retries asynchronous invocations twice within 6 hours, then keeps them in the dead-letter queue', () => {
      // Prepare
      const destination = new Capture();

      // Assess
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        MaximumRetryAttempts: 2,
        MaximumEventAgeInSeconds: 6 * 3600,
        DestinationConfig: { OnFailure: { Destination: destination } },
      });
      expect(describeRef(template, destination.asObject())).toBe('AWS::SQS::Queue');
      expect(destination.asObject()).toStrictEqual({
        'Fn::GetAtt': [stack.getLogicalId(detector.deadLetterQueue.node.defaultChild as never), 'Arn'],
      });
    });

    it('has no reserved concurrency: a burst of root activity must not be throttled away', () => {
      template.hasResourceProperties('AWS::Lambda::Function', {
        ReservedConcurrentExecutions: Match.absent(),
      });
    });

    it('logs to its own encrypted log group with a retention', () => {
      template.hasResourceProperties('AWS::Logs::LogGroup', {
        LogGroupName: '/rootwatch/function',
        RetentionInDays: 90,
        KmsKeyId: Match.anyValue(),
      });
      template.hasResourceProperties('AWS::Lambda::Function', {
        LoggingConfig: {
          LogGroup: {
            Ref: onlyResource(template, 'AWS::Logs::LogGroup', { LogGroupName: '/rootwatch/function' }).id,
          },
        },
      });
    });
  });

  describe('least privilege', () => {
    const role = onlyResource(template, 'AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [Match.objectLike({ Principal: { Service: 'lambda.amazonaws.com' } })],
      },
      Description: 'rootwatch detector: writes its records and logs, puts alerts on the alert bus',
    });
    const policy = onlyResource(template, 'AWS::IAM::Policy', { Roles: [{ Ref: role.id }] });
    const statements = (policy.Properties.PolicyDocument as { Statement: Record<string, unknown>[] })
      .Statement;
    const readable = statements.map(({ Sid, Action, Resource, Condition }) => ({
      Sid,
      Action,
      Resource: [Resource].flat().map((resource) => describeRef(template, resource)),
      ...(Condition ? { Condition } : {}),
    }));

    it('lets the function write only to its log groups, put only on the alert bus, and keep failures', () => {
      expect(readable).toStrictEqual([
        {
          Sid: 'WriteOwnLogsAndRecords',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: ['AWS::Logs::LogGroup /rootwatch/function', 'AWS::Logs::LogGroup /rootwatch/records'],
        },
        {
          Sid: 'EncryptLogsThroughCloudWatchLogs',
          Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
          Resource: ['AWS::KMS::Key rootwatch: encrypts root-activity records, alerts and dead letters'],
          Condition: {
            StringEquals: { 'kms:ViaService': 'logs.us-east-1.amazonaws.com' },
            ArnEquals: {
              'kms:EncryptionContext:aws:logs:arn': [
                logGroupArn('/rootwatch/function'),
                logGroupArn('/rootwatch/records'),
              ],
            },
          },
        },
        {
          Sid: 'PutAlerts',
          Action: 'events:PutEvents',
          Resource: ['AWS::Events::EventBus rootwatch-alerts'],
        },
        { Sid: 'KeepFailedInvocations', Action: 'sqs:SendMessage', Resource: ['AWS::SQS::Queue'] },
        {
          Sid: 'EncryptFailedInvocationsThroughSqs',
          Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
          Resource: ['AWS::KMS::Key rootwatch: encrypts root-activity records, alerts and dead letters'],
          Condition: { StringEquals: { 'kms:ViaService': 'sqs.us-east-1.amazonaws.com' } },
        },
        {
          Sid: 'KeepIncidents',
          Action: ['dynamodb:GetItem', 'dynamodb:PutItem'],
          Resource: ['AWS::DynamoDB::Table'],
        },
        {
          Sid: 'EncryptIncidentsThroughDynamoDb',
          Action: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'],
          Resource: ['AWS::KMS::Key rootwatch: encrypts root-activity records, alerts and dead letters'],
          Condition: { StringEquals: { 'kms:ViaService': 'dynamodb.us-east-1.amazonaws.com' } },
        },
        { Sid: 'NoteLiveness', Action: 'dynamodb:UpdateItem', Resource: ['AWS::DynamoDB::Table'] },
        {
          Sid: 'NoteLivenessThroughDynamoDb',
          Action: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'],
          Resource: ['AWS::KMS::Key rootwatch: encrypts root-activity records, alerts and dead letters'],
          Condition: { StringEquals: { 'kms:ViaService': 'dynamodb.us-east-1.amazonaws.com' } },
        },
      ]);
    });

    it('has no wildcard resource and no managed policy', () => {
      for (const statement of statements) {
        for (const resource of [statement.Resource].flat())
          expect(JSON.stringify(resource)).not.toContain('*');
      }
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    });
  });

  describe('incidents', () => {
    const table = onlyResource(template, 'AWS::DynamoDB::Table', {
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });

    it('keeps them in an on-demand table, encrypted with the key, expired by TTL, recoverable', () => {
      expect(table.Properties).toMatchObject({
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      });
      expect(
        describeRef(template, (table.Properties.SSESpecification as Record<string, unknown>).KMSMasterKeyId),
      ).toBe('AWS::KMS::Key rootwatch: encrypts root-activity records, alerts and dead letters');
    });

    it('tells the function the table, with the quiet period its schema accepts', () => {
      const environment = onlyResource(template, 'AWS::Lambda::Function', {
        Description: Match.stringLikeRegexp('validates, classifies'),
      }).Properties.Environment as { Variables: Record<string, unknown> };
      expect(describeRef(template, environment.Variables[HANDLER_ENV.incidentTable])).toBe(
        'AWS::DynamoDB::Table',
      );
      expect(environment.Variables[HANDLER_ENV.incidentQuietMinutes]).toBe('60');
    });

    it('deploys no incident table and tells the function none when incidents are off', () => {
      // Act
      const off = synthDetector({ incidents: false });

      // Assess: the liveness table alone (docs/coverage.md)
      off.template.resourceCountIs('AWS::DynamoDB::Table', 1);
      off.template.resourcePropertiesCountIs(
        'AWS::DynamoDB::Table',
        { TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true } },
        0,
      );
      expect(JSON.stringify(off.template.toJSON())).not.toContain(HANDLER_ENV.incidentTable);
      expect(off.detector.incidentTable).toBeUndefined();
    });

    it('refuses a quiet period that is not whole minutes from 1 to 1440, or one without incidents', () => {
      expect(() => synthDetector({ incidentQuietPeriod: Duration.seconds(90) })).toThrow(
        /incidentQuietPeriod must be a whole number of minutes/,
      );
      expect(() => synthDetector({ incidents: false, incidentQuietPeriod: Duration.minutes(5) })).toThrow(
        /incidentQuietPeriod needs incidents/,
      );
    });
  });

  describe('records', () => {
    it('keeps records a year, encrypted with a rotated customer managed key, and keeps them when the stack goes', () => {
      // Prepare
      const key = onlyResource(template, 'AWS::KMS::Key');

      // Assess
      expect(key.Properties.EnableKeyRotation).toBe(true);
      template.hasResource('AWS::Logs::LogGroup', {
        Properties: {
          LogGroupName: '/rootwatch/records',
          RetentionInDays: 365,
          KmsKeyId: { 'Fn::GetAtt': [key.id, 'Arn'] },
        },
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
      });
    });

    it('lets CloudWatch Logs use the key for the detector log groups only', () => {
      template.hasResourceProperties('AWS::KMS::Key', {
        KeyPolicy: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Principal: { Service: 'logs.us-east-1.amazonaws.com' },
              Condition: {
                ArnEquals: {
                  'kms:EncryptionContext:aws:logs:arn': [
                    '/rootwatch/records',
                    '/rootwatch/function',
                    '/rootwatch/heartbeats',
                    '/rootwatch/notifier',
                    '/rootwatch/security-hub-import',
                  ].map(logGroupArn),
                },
              },
            }),
          ]),
        },
      });
    });

    it.each([
      { service: 'events.amazonaws.com', source: `arn:aws:events:us-east-1:${SECURITY_ACCOUNT}:rule/*` },
      {
        service: 'cloudwatch.amazonaws.com',
        source: `arn:aws:cloudwatch:us-east-1:${SECURITY_ACCOUNT}:alarm:*`,
      },
    ])(
      "lets $service use the key only for this account's own resources (confused deputy)",
      ({ service, source }) => {
        template.hasResourceProperties('AWS::KMS::Key', {
          KeyPolicy: {
            Statement: Match.arrayWith([
              Match.objectLike({
                Principal: { Service: service },
                Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
                Condition: {
                  StringEquals: { 'aws:SourceAccount': SECURITY_ACCOUNT },
                  ArnLike: { 'aws:SourceArn': source },
                },
              }),
            ]),
          },
        });
      },
    );

    it('saves the Logs Insights queries a SOC asks first, on the record log group', () => {
      // Prepare
      const records = onlyResource(template, 'AWS::Logs::LogGroup', { LogGroupName: '/rootwatch/records' });
      const queries = Object.values(template.findResources('AWS::Logs::QueryDefinition')).map(
        ({ Properties }) => Properties as { Name: string; QueryString: string; LogGroupNames: unknown[] },
      );

      // Assess
      expect(queries.map(({ Name }) => Name)).toStrictEqual([
        'rootwatch/Root activity by account',
        'rootwatch/Root sign-ins without MFA',
        'rootwatch/Root long-term access key use',
        'rootwatch/Root activity timeline (run over the last 7 days)',
        'rootwatch/Delivered events that failed validation',
      ]);
      for (const query of queries) expect(query.LogGroupNames).toStrictEqual([{ Ref: records.id }]);
      expect(queries[0]!.QueryString).toContain('by finding.account');
      expect(queries[1]!.QueryString).toContain('finding.activity = "sign-in"');
      expect(queries[2]!.QueryString).toContain('finding.credential = "access-key"');
    });
  });

  describe('rules', () => {
    it.each([
      ['default bus', Match.absent()],
      [
        'ingest bus',
        { Ref: onlyResource(template, 'AWS::Events::EventBus', { Name: 'rootwatch-ingest' }).id },
      ],
    ])('on the %s, invokes the function with retries and a dead-letter queue', (_bus, eventBusName) => {
      // Prepare
      const target = new Capture();

      // Assess
      template.hasResourceProperties('AWS::Events::Rule', {
        EventBusName: eventBusName,
        EventPattern: DELIVERED_PATTERN,
        State: RULE_STATE,
        Targets: [target],
      });
      const { Arn, DeadLetterConfig, RetryPolicy } = target.asObject() as Record<
        string,
        Record<string, unknown>
      >;
      expect(describeRef(template, Arn)).toMatch(/^AWS::Lambda::Function /);
      expect(describeRef(template, DeadLetterConfig!.Arn)).toBe('AWS::SQS::Queue');
      expect(RetryPolicy).toStrictEqual({ MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86_400 });
    });

    it('admits the organisation, and only it, on the ingest bus', () => {
      template.resourceCountIs('AWS::Events::EventBusPolicy', 1);
      template.hasResourceProperties('AWS::Events::EventBusPolicy', {
        Statement: {
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: 'events:PutEvents',
          Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
        },
      });
    });

    it('admits only this account on the ingest bus when no organisation is given', () => {
      synthDetector().template.resourceCountIs('AWS::Events::EventBusPolicy', 0);
    });
  });

  describe('dead letters', () => {
    it('keeps them 14 days in a queue encrypted with the key that refuses plain HTTP', () => {
      // Prepare
      const queue = onlyResource(template, 'AWS::SQS::Queue');

      // Assess
      expect(describeRef(template, queue.Properties.KmsMasterKeyId)).toMatch(/^AWS::KMS::Key/);
      expect(queue.Properties.MessageRetentionPeriod).toBe(14 * 86_400);
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: queue.id }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    });
  });
});

describe('Lambda bundle', () => {
  it('says how to build the bundle when it is missing', () => {
    // Prepare
    const empty = mkdtempSync(join(tmpdir(), 'rootwatch-no-bundle-'));

    // Assess
    expect(() => bundleCode('root-activity', 'code', empty)).toThrow(
      `rootwatch: the Lambda code ${join(empty, 'index.mjs')} does not exist: run \`npm run build\` first, or pass the \`code\` prop`,
    );
  });

  it('deploys the code it is given instead of the bundle', () => {
    // Act
    const { template } = synthDetector({
      code: lambda.Code.fromInline('export const handler = async () => {};'),
    });

    // Assess
    template.hasResourceProperties('AWS::Lambda::Function', {
      Code: { ZipFile: 'export const handler = async () => {};' },
    });
  });
});
