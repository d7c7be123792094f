import { describe, expect, it } from 'vitest';
import { customProductArn, toAsffFinding } from '../../../findings/formats/asff.ts';
import { AsffFindingSchema } from '../../../schemas/asff-finding.ts';
import type { Severity } from '../../../schemas/finding.ts';
import { onlyFinding, sampleFindings } from '../../helpers/sample-findings.ts';

const SECURITY_HUB = { productAccount: '999988887777', productRegion: 'us-east-1' };

describe('Format: ASFF', () => {
  it('gives a finding with every required attribute for every finding of every sample', async () => {
    // Prepare
    const samples = await sampleFindings();

    // Act
    const results = samples.map(({ file, finding }) => ({
      file,
      issues: AsffFindingSchema.safeParse(toAsffFinding(finding, SECURITY_HUB)).error?.issues,
    }));

    // Assess
    expect(samples.length).toBeGreaterThan(50);
    expect(results.filter((result) => result.issues)).toStrictEqual([]);
  });

  it("imports into the finding's own account and Region by default, through the custom integration's product", async () => {
    // Prepare
    const { finding } = await onlyFinding('access-key/root-access-key-put-bucket-policy.json');

    // Act
    const asff = toAsffFinding(finding);

    // Assess
    expect(asff).toMatchObject({
      SchemaVersion: '2018-10-08',
      Id: 'rootwatch/EXAMPLE-0000',
      ProductArn: 'arn:aws:securityhub:eu-west-1:111122223333:product/111122223333/default',
      GeneratorId: 'rootwatch/long-term-access-key',
      AwsAccountId: '111122223333',
      Types: ['TTPs/Initial Access', 'Unusual Behaviors/User'],
      CreatedAt: '2025-03-01T12:00:00.000Z',
      UpdatedAt: '2025-03-01T12:00:00.000Z',
      Severity: { Label: 'CRITICAL', Original: 'critical' },
      FindingProviderFields: {
        Severity: { Label: 'CRITICAL', Original: 'critical' },
        Types: ['TTPs/Initial Access', 'Unusual Behaviors/User'],
      },
      Title: finding.title,
      Description: finding.summary,
      SourceUrl:
        'https://eu-west-1.console.aws.amazon.com/cloudtrailv2/home?region=eu-west-1#/events/EXAMPLE-0000',
      Action: {
        ActionType: 'AWS_API_CALL',
        AwsApiCallAction: {
          Api: 'PutBucketPolicy',
          ServiceName: 's3.amazonaws.com',
          CallerType: 'remoteip',
          RemoteIpDetails: { IpAddressV4: '203.0.113.10' },
        },
      },
      Resources: [
        { Type: 'AwsAccount', Id: 'AWS::::Account:111122223333', Partition: 'aws', Region: 'eu-west-1' },
        { Type: 'AwsIamAccessKey', Id: 'AKIAIOSFODNN7EXAMPLE', Partition: 'aws', Region: 'eu-west-1' },
      ],
      RecordState: 'ACTIVE',
    });
    expect(asff.ProductFields).toMatchObject({
      ProviderName: 'rootwatch',
      'rootwatch/eventId': 'EXAMPLE-0000',
      'rootwatch/credential': 'access-key',
      'rootwatch/controls': 'CIS 3.0.0 1.7, CIS 3.0.0 1.4',
    });
  });

  it('imports findings about member accounts into the security account, naming the member account as the resource', async () => {
    // Prepare
    const { finding } = await onlyFinding('sign-in/root-console-login-with-mfa-current-format.json');

    // Act
    const asff = toAsffFinding(finding, SECURITY_HUB);

    // Assess
    expect([asff.AwsAccountId, asff.ProductArn, asff.Resources]).toStrictEqual([
      '999988887777',
      'arn:aws:securityhub:us-east-1:999988887777:product/999988887777/default',
      [{ Type: 'AwsAccount', Id: 'AWS::::Account:444455556666', Partition: 'aws', Region: 'us-east-1' }],
    ]);
  });

  it('keeps the same Id for the same event, and a new one for another', async () => {
    // Prepare
    const samples = await sampleFindings();

    // Act
    const ids = samples.map(({ finding }) => toAsffFinding(finding, SECURITY_HUB).Id);
    const again = samples.map(({ finding }) => toAsffFinding(structuredClone(finding), SECURITY_HUB).Id);

    // Assess
    expect(again).toStrictEqual(ids);
    expect(new Set(ids).size).toBe(new Set(samples.map(({ finding }) => finding.eventId)).size);
  });

  it.each<[Severity, string]>([
    ['critical', 'CRITICAL'],
    ['high', 'HIGH'],
    ['medium', 'MEDIUM'],
    ['low', 'LOW'],
    ['info', 'INFORMATIONAL'],
  ])('labels severity %s %s', async (severity, label) => {
    // Prepare
    const { finding } = await onlyFinding('sign-in/root-console-login-failed.json');

    // Act
    const asff = toAsffFinding({ ...finding, severity });

    // Assess
    expect(asff.Severity).toStrictEqual({ Label: label, Original: severity });
  });

  it.each([
    {
      file: 'sign-in/root-console-login-failed.json',
      types: ['TTPs/Credential Access', 'Unusual Behaviors/User'],
    },
    {
      file: 'logging-change/root-stop-logging.json',
      types: ['TTPs/Defense Evasion', 'Unusual Behaviors/User'],
    },
    {
      file: 'credential-change/root-deactivate-mfa-device.json',
      types: ['TTPs/Defense Evasion', 'Unusual Behaviors/User'],
    },
    { file: 'password/root-email-updated.json', types: ['TTPs/Persistence', 'Unusual Behaviors/User'] },
    { file: 'aws-service/root-identity-invoked-by-elb.json', types: ['Unusual Behaviors/User'] },
  ])('types $file as $types', async ({ file, types }) => {
    // Prepare
    const { finding } = await onlyFinding(file);

    // Act
    const asff = toAsffFinding(finding, SECURITY_HUB);

    // Assess
    expect(asff.Types).toStrictEqual(types);
  });

  it('stays within the limits: title 256 and description 1024 characters', async () => {
    // Prepare
    const { finding } = await onlyFinding('sign-in/root-console-login-failed.json');

    // Act
    const asff = toAsffFinding(
      { ...finding, title: 'T'.repeat(300), summary: 'S'.repeat(2000) },
      SECURITY_HUB,
    );

    // Assess
    expect([asff.Title.length, asff.Description.length, asff.Description.endsWith('…')]).toStrictEqual([
      256,
      1024,
      true,
    ]);
    expect(AsffFindingSchema.safeParse(asff).success).toBe(true);
  });

  it('creates a suppressed finding with its rule in the note, dates an update, and carries the incident', async () => {
    // Prepare
    const { finding } = await onlyFinding('sign-in/root-console-login-without-mfa.json');
    const annotated = {
      ...finding,
      suppression: { ruleId: 'break-glass-7', reason: 'SEC-42', expires: '2022-11-11T00:00:00Z' },
      incident: {
        id: 'incident-7f3a',
        count: 4,
        alert: 'update' as const,
        actions: [],
        regions: [],
        sourceIps: [],
        firstSeen: '2022-11-10T16:24:34Z',
        lastSeen: '2022-11-10T16:40:02Z',
      },
    };

    // Act
    const asff = toAsffFinding(annotated, { ...SECURITY_HUB, updatedAt: '2022-11-10T17:00:00Z' });

    // Assess
    expect(asff).toMatchObject({
      UpdatedAt: '2022-11-10T17:00:00.000Z',
      FirstObservedAt: '2022-11-10T16:24:34.000Z',
      LastObservedAt: '2022-11-10T16:40:02.000Z',
      Workflow: { Status: 'SUPPRESSED' },
      Note: {
        Text: 'Suppressed by break-glass-7 until 2022-11-11T00:00:00Z: SEC-42',
        UpdatedBy: 'rootwatch',
        UpdatedAt: '2022-11-10T17:00:00.000Z',
      },
      ProductFields: { 'rootwatch/incidentId': 'incident-7f3a', 'rootwatch/incidentFindings': '4' },
    });
  });

  it.each([
    ['us-east-1', 'arn:aws:securityhub:us-east-1:999988887777:product/999988887777/default'],
    ['cn-north-1', 'arn:aws-cn:securityhub:cn-north-1:999988887777:product/999988887777/default'],
    ['us-gov-west-1', 'arn:aws-us-gov:securityhub:us-gov-west-1:999988887777:product/999988887777/default'],
  ])('names the custom product in %s %s', (region, arn) => {
    expect(customProductArn('999988887777', region)).toBe(arn);
  });
});

describe('Schema: ASFF finding', () => {
  const valid = async () =>
    toAsffFinding(
      (await onlyFinding('sign-in/root-console-login-failed.json')).finding,
      SECURITY_HUB,
    ) as Record<string, unknown>;

  it.each<{ scenario: string; change: (finding: Record<string, unknown>) => void; path: string }>([
    {
      scenario: 'another schema version',
      change: (f) => (f.SchemaVersion = '2020-01-01'),
      path: 'SchemaVersion',
    },
    {
      scenario: 'an account id that is not 12 digits',
      change: (f) => (f.AwsAccountId = 'xx'),
      path: 'AwsAccountId',
    },
    {
      scenario: 'a product ARN of another service',
      change: (f) => (f.ProductArn = 'arn:aws:iam::1:x'),
      path: 'ProductArn',
    },
    { scenario: 'a type outside the namespaces', change: (f) => (f.Types = ['Root/Use']), path: 'Types.0' },
    { scenario: 'no types', change: (f) => (f.Types = []), path: 'Types' },
    {
      scenario: 'a severity label of our own',
      change: (f) => (f.Severity = { Label: 'SEVERE' }),
      path: 'Severity.Label',
    },
    { scenario: 'no resources', change: (f) => (f.Resources = []), path: 'Resources' },
    { scenario: 'a title over 256 characters', change: (f) => (f.Title = 'T'.repeat(257)), path: 'Title' },
    {
      scenario: 'an update before the creation',
      change: (f) => (f.UpdatedAt = '2000-01-01T00:00:00Z'),
      path: 'UpdatedAt',
    },
    {
      scenario: 'a finding over 240 KB',
      change: (f) => (f.ProductFields = { big: 'x'.repeat(250_000) }),
      path: '',
    },
  ])('rejects $scenario', async ({ change, path }) => {
    // Prepare
    const finding = await valid();
    change(finding);

    // Act
    const result = AsffFindingSchema.safeParse(finding);

    // Assess
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toStrictEqual([path]);
  });
});
