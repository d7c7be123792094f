import { describe, expect, it } from 'vitest';
import { toOcsfDetectionFinding } from '../../../findings/formats/ocsf.ts';
import { REDACTED } from '../../../detection/redact-secrets.ts';
import type { Finding } from '../../../schemas/finding.ts';
import type { Severity } from '../../../schemas/finding.ts';
import { OcsfDetectionFindingSchema } from '../../../schemas/ocsf-detection-finding.ts';
import { onlyFinding, sampleFindings } from '../../helpers/sample-findings.ts';

const INCIDENT = {
  id: 'incident-7f3a',
  count: 4,
  alert: 'update' as const,
  actions: ['signin:ConsoleLogin', 'iam:CreateUser'],
  regions: ['us-east-1'],
  sourceIps: ['192.0.2.0'],
  firstSeen: '2022-11-10T16:24:34Z',
  lastSeen: '2022-11-10T16:40:02Z',
};
const SUPPRESSION = {
  ruleId: 'break-glass-7',
  reason: 'SEC-42: approved break-glass',
  expires: '2022-11-11T00:00:00Z',
};

describe('Format: OCSF Detection Finding', () => {
  it('gives a valid Detection Finding for every finding of every sample, with its event as evidence', async () => {
    // Prepare
    const samples = await sampleFindings();

    // Act
    const results = samples.map(({ file, event, finding }) => ({
      file,
      issues: OcsfDetectionFindingSchema.safeParse(toOcsfDetectionFinding(finding, { rawEvent: event })).error
        ?.issues,
    }));

    // Assess
    expect(samples.length).toBeGreaterThan(50);
    expect(results.filter((result) => result.issues)).toStrictEqual([]);
  });

  it('maps the classification, the time in milliseconds, the identity and the evidence of a finding', async () => {
    // Prepare
    const { event, finding } = await onlyFinding('sign-in/root-console-login-without-mfa.json');

    // Act
    const ocsf = toOcsfDetectionFinding(finding, { rawEvent: event });

    // Assess
    expect(ocsf).toMatchObject({
      class_uid: 2004,
      category_uid: 2,
      activity_id: 1,
      type_uid: 200401,
      severity_id: 5,
      time: Date.UTC(2022, 10, 10, 16, 24, 34),
      status_id: 1,
      is_alert: true,
      metadata: {
        version: '1.4.0',
        product: { name: 'rootwatch', vendor_name: 'rootwatch' },
        uid: finding.eventId,
      },
      finding_info: {
        uid: 'deb1e1f9-c99b-4612-8e9f-21f93b5d79c0',
        title: finding.title,
        desc: finding.summary,
        analytic: { name: 'sign-in-without-mfa', type: 'Rule' },
        src_url:
          'https://us-east-1.console.aws.amazon.com/cloudtrailv2/home?region=us-east-1#/events/deb1e1f9-c99b-4612-8e9f-21f93b5d79c0',
        attacks: [
          {
            tactic: { uid: 'TA0001', name: 'Initial Access' },
            technique: { uid: 'T1078.004', name: 'Valid Accounts: Cloud Accounts' },
          },
        ],
      },
      cloud: { provider: 'AWS', region: 'us-east-1', account: { uid: '111122223333', type: 'AWS Account' } },
    });
    expect(ocsf.evidences).toStrictEqual([
      {
        actor: {
          user: {
            type_id: 2,
            type: 'Admin',
            name: 'root',
            uid: 'arn:aws:iam::111122223333:root',
            account: { uid: '111122223333', type_id: 10, type: 'AWS Account' },
          },
          session: { is_mfa: false },
        },
        api: { operation: 'ConsoleLogin', service: { name: 'signin.amazonaws.com' } },
        src_endpoint: { ip: '192.0.2.0' },
        http_request: { user_agent: finding.userAgent },
        data: event,
      },
    ]);
  });

  it.each<[Severity, number, string]>([
    ['critical', 5, 'Critical'],
    ['high', 4, 'High'],
    ['medium', 3, 'Medium'],
    ['low', 2, 'Low'],
    ['info', 1, 'Informational'],
  ])('maps severity %s to severity_id %i (%s)', async (severity, id, name) => {
    // Prepare
    const { finding } = await onlyFinding('sign-in/root-console-login-failed.json');

    // Act
    const ocsf = toOcsfDetectionFinding({ ...finding, severity });

    // Assess
    expect([ocsf.severity_id, ocsf.severity]).toStrictEqual([id, name]);
  });

  it('redacts secrets in the event it carries', async () => {
    // Prepare
    const { event, finding } = await onlyFinding('access-key/root-access-key-get-session-token.json');
    const withToken = structuredClone(event) as { responseElements: unknown };
    withToken.responseElements = {
      credentials: { accessKeyId: 'ASIAEXAMPLE', sessionToken: 'IQoJb3JpZ2luX2VjE' },
    };

    // Act
    const ocsf = toOcsfDetectionFinding(finding, { rawEvent: withToken });

    // Assess
    expect((ocsf.evidences as [{ data: typeof withToken }])[0].data.responseElements).toStrictEqual({
      credentials: { accessKeyId: 'ASIAEXAMPLE', sessionToken: REDACTED },
    });
  });

  it('carries no MFA code: requestParameters.tokenCode is redacted', async () => {
    // Prepare
    const { event, finding } = await onlyFinding('access-key/root-access-key-get-session-token.json');
    const withCode = structuredClone(event) as { requestParameters: unknown };
    withCode.requestParameters = {
      durationSeconds: 3600,
      serialNumber: 'arn:aws:iam::1:mfa/root',
      tokenCode: '123456',
    };

    // Act
    const ocsf = toOcsfDetectionFinding(finding, { rawEvent: withCode });

    // Assess
    expect(JSON.stringify(ocsf)).not.toContain('123456');
    expect((ocsf.evidences as [{ data: typeof withCode }])[0].data.requestParameters).toStrictEqual({
      durationSeconds: 3600,
      serialNumber: 'arn:aws:iam::1:mfa/root',
      tokenCode: REDACTED,
    });
  });

  it('carries the head of an event too deep to serialize, saying so', async () => {
    // Prepare
    const { event, finding } = await onlyFinding('access-key/root-access-key-get-session-token.json');
    let deep: Record<string, unknown> = {};
    for (let level = 0; level < 5_000; level += 1) deep = { a: deep };
    const withDeep = { ...(event as object), requestParameters: deep };

    // Act
    const ocsf = toOcsfDetectionFinding(finding, { rawEvent: withDeep });

    // Assess
    const data = (ocsf.evidences as [{ data: { truncated: boolean; depth: number; head: string } }])[0].data;
    expect({ truncated: data.truncated, depth: data.depth }).toStrictEqual({ truncated: true, depth: 5_002 });
    expect(JSON.parse(JSON.stringify(ocsf))).toMatchObject({ finding_info: { uid: ocsf.finding_info.uid } });
  });

  it('names a service source that is not an address as a service, and a failed call as an API error', async () => {
    // Prepare
    const { finding } = await onlyFinding('aws-service/root-identity-invoked-by-elb.json');

    // Act
    const [evidence] = toOcsfDetectionFinding(finding).evidences as [Record<string, unknown>];

    // Assess
    expect(evidence.src_endpoint).toStrictEqual({ svc_name: 'elasticloadbalancing.amazonaws.com' });
    expect(evidence.api).toStrictEqual({
      operation: 'DeleteNetworkInterface',
      service: { name: 'ec2.amazonaws.com' },
      response: {
        error: 'Client.InvalidParameterValue',
        error_message: "Network interface 'en-abcd1234' is currently in use.",
      },
    });
    expect(evidence.data).toBeUndefined();
  });

  it('carries the incident as correlation, count and time span, and a suppression as its status', async () => {
    // Prepare
    const { finding } = await onlyFinding('sign-in/root-console-login-without-mfa.json');
    const annotated: Finding = { ...finding, incident: INCIDENT, suppression: SUPPRESSION };

    // Act
    const ocsf = toOcsfDetectionFinding(annotated);

    // Assess
    expect(ocsf).toMatchObject({
      count: 4,
      start_time: Date.parse(INCIDENT.firstSeen),
      end_time: Date.parse(INCIDENT.lastSeen),
      metadata: { correlation_uid: 'incident-7f3a' },
      finding_info: { related_events_count: 4, last_seen_time: Date.parse(INCIDENT.lastSeen) },
      status_id: 3,
      status: 'Suppressed',
      status_detail: 'suppressed by break-glass-7 until 2022-11-11T00:00:00Z: SEC-42: approved break-glass',
      is_alert: false,
      unmapped: { rootwatch: { incident: INCIDENT, suppression: SUPPRESSION } },
    });
    expect(OcsfDetectionFindingSchema.safeParse(ocsf).success).toBe(true);
  });
});

describe('Schema: OCSF Detection Finding', () => {
  const valid = async () =>
    toOcsfDetectionFinding((await onlyFinding('sign-in/root-console-login-failed.json')).finding) as Record<
      string,
      unknown
    >;

  it.each<{ scenario: string; change: (finding: Record<string, unknown>) => void; path: string }>([
    { scenario: 'another class', change: (f) => (f.class_uid = 2001), path: 'class_uid' },
    { scenario: 'a type_uid that does not follow', change: (f) => (f.type_uid = 200402), path: 'type_uid' },
    { scenario: 'a severity outside the enum', change: (f) => (f.severity_id = 7), path: 'severity_id' },
    { scenario: 'a time in ISO text', change: (f) => (f.time = '2022-11-10T16:24:34Z'), path: 'time' },
    {
      scenario: 'no product name',
      change: (f) => ((f.metadata as { product: object }).product = {}),
      path: 'metadata.product.name',
    },
    {
      scenario: 'no finding uid',
      change: (f) => (f.finding_info = { title: 't' }),
      path: 'finding_info.uid',
    },
    { scenario: 'the cloud profile without cloud', change: (f) => delete f.cloud, path: 'cloud' },
    { scenario: 'an empty evidence', change: (f) => (f.evidences = [{ name: 'x' }]), path: 'evidences.0' },
  ])('rejects $scenario', async ({ change, path }) => {
    // Prepare
    const finding = await valid();
    change(finding);

    // Act
    const result = OcsfDetectionFindingSchema.safeParse(finding);

    // Assess
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toStrictEqual([path]);
  });
});
