import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { DeployConfigSchema } from '../../schemas/deploy-config.ts';

/** Opted out of the alert-destination check, which its own tests below exercise. */
const RECORD_ONLY = { allowNoAlertDestination: true };

/** The paths of the issues a config gives, as "path: message" (opted out unless `input` says otherwise). */
const problems = (input: Record<string, unknown>): string[] => {
  const parsed = DeployConfigSchema.safeParse({ ...RECORD_ONLY, ...input });
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('Schema: DeployConfig', () => {
  it('has a default for every setting that needs one', () => {
    // Act
    const config = DeployConfigSchema.parse(RECORD_ONLY);

    // Assess
    expect(config).toStrictEqual({
      region: 'us-east-1',
      alertEmails: [],
      allowNoAlertDestination: true,
      operationsEmails: [],
      alertMinSeverity: 'low',
      logLevel: 'info',
      recordRetentionDays: 365,
      memorySize: 512,
      heartbeatHours: 24,
      incidents: true,
      incidentQuietMinutes: 60,
      siemQueue: false,
      postureAudit: true,
      postureAuditAccounts: [],
      postureAuditHours: 24,
      postureAuditOrganizationFeatures: false,
      postureAuditAssumeRoot: false,
      securityHubImport: false,
      completenessHours: 24,
      completenessMemorySize: 2048,
      forwarderStackSetName: 'rootwatch-forwarder',
      protectedTrails: [],
      protectedStacks: [],
      protectedGuardDutyDetectors: [],
      protectedConfigRecorders: [],
      livenessMinutes: 60,
      coverageCheck: true,
      coverageSilentMinutes: 180,
      coverageCheckMinutes: 60,
      coverageAccounts: [],
      coverageEnabledRegions: true,
      coverageTrails: true,
    });
  });

  it('reads the resources to protect from tampering as lists, from the command line too', () => {
    // Act
    const config = DeployConfigSchema.parse({
      protectedTrails: 'organisation-trail, arn:aws:cloudtrail:us-east-1:999988887777:trail/backup',
      protectedGuardDutyDetectors: '*',
      forwarderStackSetName: 'rootwatch-forwarders',
      allowNoAlertDestination: 'true',
    });

    // Assess
    expect([
      config.protectedTrails,
      config.protectedGuardDutyDetectors,
      config.forwarderStackSetName,
    ]).toStrictEqual([
      ['organisation-trail', 'arn:aws:cloudtrail:us-east-1:999988887777:trail/backup'],
      ['*'],
      'rootwatch-forwarders',
    ]);
    expect(DeployConfigSchema.safeParse({ protectedStacks: ['my stack'] }).success).toBe(false);
    expect(DeployConfigSchema.safeParse({ forwarderStackSetName: '1-starts-with-a-digit' }).success).toBe(
      false,
    );
  });

  it('refuses a coverage silence period no longer than the liveness interval', () => {
    // Act
    const parsed = DeployConfigSchema.safeParse({
      ...RECORD_ONLY,
      livenessMinutes: '120',
      coverageSilentMinutes: '120',
    });

    // Assess
    expect(parsed.error?.issues.map(({ path, message }) => ({ path, message }))).toStrictEqual([
      {
        path: ['coverageSilentMinutes'],
        message: 'coverageSilentMinutes must be longer than livenessMinutes, or every forwarder looks silent',
      },
    ]);
  });

  it('reads the strings of `cdk deploy -c key=value` as the JSON values of a config file', () => {
    // Prepare
    const fromCli = {
      alertEmails: 'soc@example.com, oncall@example.com',
      recordRetentionDays: '731',
      memorySize: '1024',
      heartbeatHours: '6',
      siemQueue: 'true',
      detectorConfig: '{"cisVersions":["5.0.0"]}',
    };
    const fromFile = {
      alertEmails: ['soc@example.com', 'oncall@example.com'],
      recordRetentionDays: 731,
      memorySize: 1024,
      heartbeatHours: 6,
      siemQueue: true,
      detectorConfig: { cisVersions: ['5.0.0'] },
    };

    // Assess
    expect(DeployConfigSchema.parse(fromCli)).toStrictEqual(DeployConfigSchema.parse(fromFile));
    expect(DeployConfigSchema.parse({ allowNoAlertDestination: 'true' })).toStrictEqual(
      DeployConfigSchema.parse(RECORD_ONLY),
    );
  });

  it.each([
    { setting: { acount: '111122223333' }, problem: ': Unrecognized key: "acount"' },
    { setting: { account: '1111' }, problem: 'account: expected a 12-digit AWS account id' },
    { setting: { organizationId: 'org-1' }, problem: 'organizationId: expected an organisation id (o-…)' },
    { setting: { alertEmails: 'soc@example' }, problem: 'alertEmails.0: Invalid email address' },
    {
      setting: { recordRetentionDays: 100 },
      problem: 'recordRetentionDays: Invalid option: expected one of 1|3|5|7|14|30',
    },
    { setting: { memorySize: '64' }, problem: 'memorySize: Too small: expected number to be >=128' },
    { setting: { heartbeatHours: 200 }, problem: 'heartbeatHours: Too big: expected number to be <=144' },
    { setting: { siemQueue: 'yes' }, problem: 'siemQueue: Invalid input: expected boolean' },
    {
      setting: { siemEndpoint: 'http://splunk.example.com', siemSecretName: 'hec' },
      problem: 'siemEndpoint: expected an https:// URL',
    },
    {
      setting: { siemEndpoint: 'https://splunk.example.com:8088/services/collector/event' },
      problem: 'siemSecretName: siemEndpoint and siemSecretName go together: give both or neither',
    },
    {
      setting: { detectorConfig: '{"cisVersion":[]}' },
      problem: 'detectorConfig: Unrecognized key: "cisVersion"',
    },
    {
      setting: { ingestBusArn: 'arn:aws:sns:us-east-1:111122223333:x' },
      problem: 'ingestBusArn: expected an event bus ARN',
    },
    { setting: { region: 'Virginia' }, problem: 'region: expected an AWS Region' },
    {
      setting: { allowNoAlertDestination: false },
      problem:
        "alertEmails: no alert destination: the detector's alerts would reach nobody. Set alertEmails, siemQueue, siemEndpoint with siemSecretName, or securityHubImport; or allowNoAlertDestination=true",
    },
    {
      setting: { allowNoAlertDestination: 'yes' },
      problem: 'allowNoAlertDestination: Invalid input: expected boolean',
    },
  ])('names the setting and the reason: $problem', ({ setting, problem }) => {
    // Act
    const found = problems(setting);

    // Assess
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(problem);
  });

  it('prints every problem with its path', () => {
    // Act
    const parsed = DeployConfigSchema.safeParse({ ...RECORD_ONLY, account: 'x', memorySize: 1 });

    // Assess
    expect(parsed.success).toBe(false);
    expect(z.prettifyError(parsed.error!)).toBe(
      '✖ expected a 12-digit AWS account id\n  → at account\n✖ Too small: expected number to be >=128\n  → at memorySize',
    );
  });
});
