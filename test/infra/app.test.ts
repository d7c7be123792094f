import { Template } from 'aws-cdk-lib/assertions';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDeploySettings } from '../../infra/deploy-settings.ts';
import { buildRootwatchApp } from '../../infra/rootwatch-app.ts';
import { DeployConfigSchema } from '../../schemas/deploy-config.ts';
import { resolver } from './resolve.ts';
import { INGEST_BUS_ARN, SECURITY_ACCOUNT, testApp, testSettings } from './synth.ts';

const configFile = (content: unknown): string => {
  const path = join(mkdtempSync(join(tmpdir(), 'rootwatch-settings-')), 'rootwatch.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

describe('App: settings', () => {
  it('reads the config file, then CDK context, context winning', () => {
    // Prepare
    const config = configFile({
      account: SECURITY_ACCOUNT,
      alertEmails: ['soc@example.com'],
      memorySize: 1024,
    });
    const app = testApp({ config, memorySize: '768', siemQueue: 'true' });

    // Act
    const settings = readDeploySettings(app.node);

    // Assess
    expect(settings).toMatchObject({
      account: SECURITY_ACCOUNT,
      alertEmails: ['soc@example.com'],
      memorySize: 768,
      siemQueue: true,
    });
  });

  it('has defaults for everything but an alert destination, which a fresh clone must name or opt out of', () => {
    expect(() => readDeploySettings(testApp().node)).toThrow(
      "invalid rootwatch deploy settings (from defaults):\n✖ no alert destination: the detector's alerts would reach nobody.",
    );
    expect(readDeploySettings(testApp({ allowNoAlertDestination: 'true' }).node)).toStrictEqual(
      DeployConfigSchema.parse({ allowNoAlertDestination: true }),
    );
  });

  it.each([
    { destination: { alertEmails: 'soc@example.com' } },
    { destination: { siemQueue: 'true' } },
    { destination: { siemEndpoint: 'https://siem.example.com/hec', siemSecretName: 'hec' } },
    { destination: { securityHubImport: 'true' } },
  ])('accepts the settings with one alert destination: $destination', ({ destination }) => {
    expect(readDeploySettings(testApp(destination).node).allowNoAlertDestination).toBe(false);
  });

  it.each([
    {
      scenario: 'a bad context value',
      context: { heartbeatHours: '0' },
      message:
        'invalid rootwatch deploy settings (from CDK context):\n✖ Too small: expected number to be >=1\n  → at heartbeatHours',
    },
    {
      scenario: 'a misspelt key in the file',
      context: { config: configFile({ alertEmail: 'soc@example.com' }) },
      message: '✖ Unrecognized key: "alertEmail"',
    },
    {
      scenario: 'a misspelt context key',
      context: { alertEmail: 'soc@example.com', incidentsQuietMinutes: '30' },
      message:
        'unknown rootwatch deploy settings in CDK context: alertEmail (did you mean alertEmails?), incidentsQuietMinutes (did you mean incidentQuietMinutes?)',
    },
    {
      scenario: 'a file that is not JSON',
      context: { config: configFile('alertEmails: soc@example.com') },
      message: 'cannot read the rootwatch deploy settings',
    },
    {
      scenario: 'a config that is not a path',
      context: { config: 42 },
      message: 'the config context value must be the path of a JSON file',
    },
  ])('fails on $scenario, naming it', ({ context, message }) => {
    expect(() => readDeploySettings(testApp(context).node)).toThrow(message);
  });
});

describe('App: the two stacks', () => {
  const settings = DeployConfigSchema.parse({
    account: SECURITY_ACCOUNT,
    organizationId: 'o-a1b2c3d4e5',
    alertEmails: ['soc@example.com'],
    operationsEmails: ['ops@example.com'],
    siemQueue: true,
    siemEndpoint: 'https://splunk.example.com:8088/services/collector/event',
    siemSecretName: 'splunk-hec',
    cisTrailLogGroup: 'aws-cloudtrail-logs-organisation',
    recordRetentionDays: 731,
    heartbeatHours: 12,
    alertMinSeverity: 'high',
    detectorConfig: { cisVersions: ['5.0.0'] },
  });
  const { detector, forwarder } = buildRootwatchApp(testApp(), settings);
  const template = Template.fromStack(detector);

  it('puts the detector in the security account and Region, protected from deletion', () => {
    expect(detector.account).toBe(SECURITY_ACCOUNT);
    expect(detector.region).toBe('us-east-1');
    expect(detector.terminationProtection).toBe(true);
  });

  it('maps every setting onto the detector', () => {
    template.hasResourceProperties('AWS::Events::EventBusPolicy', {
      Statement: { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } },
    });
    template.hasResourceProperties('AWS::SNS::Subscription', { Endpoint: 'soc@example.com' });
    template.hasResourceProperties('AWS::SNS::Subscription', { Endpoint: 'ops@example.com' });
    template.hasResourceProperties('AWS::Events::Connection', {
      AuthParameters: {
        ApiKeyAuthParameters: { ApiKeyValue: '{{resolve:secretsmanager:splunk-hec:SecretString:::}}' },
      },
    });
    template.hasResourceProperties('AWS::Logs::MetricFilter', {
      LogGroupName: 'aws-cloudtrail-logs-organisation',
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/rootwatch/records',
      RetentionInDays: 731,
    });
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(12 hours)' });
    const [detectorFunction] = Object.values(
      template.findResources('AWS::Lambda::Function', {
        Properties: { Description: 'rootwatch: validates, classifies, records and alerts root activity' },
      }),
    ) as { Properties: { Environment: { Variables: Record<string, unknown> } } }[];
    const variables = detectorFunction!.Properties.Environment.Variables;
    expect(variables.ROOTWATCH_ALERT_MIN_SEVERITY).toBe('high');
    expect(
      JSON.parse(resolver(template)(variables.ROOTWATCH_DETECTOR_CONFIG) as string) as Record<
        string,
        unknown
      >,
    ).toMatchObject({ cisVersions: ['5.0.0'], severityOverrides: [] });
    expect(Object.keys(template.findResources('AWS::SQS::Queue'))).toHaveLength(2);
  });

  it('outputs what forwarders and SIEMs need', () => {
    expect(Object.keys(template.findOutputs('*')).sort()).toStrictEqual([
      'AlertBusArn',
      'AlertTopicArn',
      'DetectorConfig',
      'IngestBusArn',
      'LivenessTableName',
      'OperationsTopicArn',
      'PostureAuditRoleArn',
      'RecordLogGroupName',
    ]);
  });

  it('points the forwarder at the ingest bus of the security account', () => {
    Template.fromStack(forwarder).hasParameter('IngestBusArn', { Default: INGEST_BUS_ARN });
  });

  it('takes an explicit ingest bus ARN over the one the account implies', () => {
    // Prepare
    const elsewhere = 'arn:aws:events:eu-west-1:444455556666:event-bus/rootwatch-ingest';

    // Act
    const built = buildRootwatchApp(
      testApp(),
      testSettings({ account: SECURITY_ACCOUNT, ingestBusArn: elsewhere }),
    );

    // Assess
    Template.fromStack(built.forwarder).hasParameter('IngestBusArn', { Default: elsewhere });
  });
});
