import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { asEventBridgeEvent } from '../../detection/delivery/as-eventbridge-event.ts';
import { lambdaEntry } from '../../build/artifacts.ts';
import { SuppressionConfigSchema } from '../../schemas/suppression-config.ts';
import type { SuppressionConfig } from '../../schemas/suppression-config.ts';
import { RecordEntrySchema } from '../../schemas/record-entry.ts';
import { LocalAwsEndpoint } from '../aws-endpoint/local-aws-endpoint.ts';
import { localAwsEnv } from '../helpers/aws-clients.ts';
import { consoleSessionRecords } from '../helpers/console-session.ts';
import { createTable, startDynalite } from '../helpers/dynalite.ts';
import { deliveredSamples, recordKindOf } from '../helpers/delivered-samples.ts';
import { REPO_ROOT } from '../helpers/paths.ts';
import { DEPLOYED_CONFIG_FILE, sampleValues } from '../helpers/sample-events.ts';
import { SanctionedTasksConfigSchema } from '../../schemas/sanctioned-tasks-config.ts';
import { childEnv } from '../helpers/child-env.ts';

const GROUP = '/rootwatch/records';
const BUS = 'rootwatch-alerts';
const BUNDLE = join(REPO_ROOT, lambdaEntry('root-activity'));
let endpoint: LocalAwsEndpoint;

/** Runs the bundle in a fresh Node process, as Lambda would, with only the given environment. */
const invokeBundle = (events: unknown[], env: Record<string, string>) =>
  new Promise<{
    code: number | null;
    results: { ok: boolean; result?: { kind: string }; error?: string }[];
    stderr: string;
  }>((resolve) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'test/aws-endpoint/invoke-bundle.mjs'), BUNDLE], {
      env: childEnv(env),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) =>
      resolve({
        code,
        stderr,
        results: stdout
          .split('\n')
          .filter((line) => line.startsWith('RESULT '))
          .map((line) => JSON.parse(line.slice('RESULT '.length))),
      }),
    );
    child.stdin.end(JSON.stringify(events));
  });

beforeAll(async () => {
  endpoint = await LocalAwsEndpoint.start();
  endpoint.logs.createLogGroup({ logGroupName: GROUP });
  endpoint.events.buses.add(BUS);
});
afterAll(() => endpoint.stop());

/** The findings the bundle recorded in the record log group since the first `since` messages. */
const recordedFindings = (endpoint: LocalAwsEndpoint, since: number) =>
  endpoint.logs
    .messages(GROUP)
    .slice(since)
    .map((message) => RecordEntrySchema.parse(JSON.parse(message)))
    .flatMap((entry) => (entry.kind === 'finding' ? [entry.finding] : []));

describe('Lambda bundle: dist/root-activity/index.mjs against the local endpoint', () => {
  it('handles every delivered sample and the heartbeat, recording each and alerting the findings', async () => {
    // Prepare
    const samples = await deliveredSamples();
    const heartbeat = {
      source: 'rootwatch.heartbeat',
      'detail-type': 'Rootwatch Heartbeat',
      time: '2026-11-29T06:00:00Z',
    };
    const env = localAwsEnv(endpoint.url, {
      ROOTWATCH_ALERT_BUS: BUS,
      ROOTWATCH_LOG_GROUP: GROUP,
      ROOTWATCH_LOG_LEVEL: 'warn',
    });

    // Act
    const { code, results } = await invokeBundle([...samples.map((sample) => sample.event), heartbeat], env);

    // Assess
    expect(code).toBe(0);
    expect(results.filter((result) => !result.ok)).toStrictEqual([]);
    const kinds = endpoint.logs
      .messages(GROUP)
      .map((message) => RecordEntrySchema.parse(JSON.parse(message)).kind);
    expect(kinds).toStrictEqual([...samples.map(({ expected }) => recordKindOf(expected)), 'heartbeat']);
    expect(endpoint.events.received.at(-1)).toMatchObject({
      detailType: 'Rootwatch Heartbeat',
      source: 'rootwatch',
    });
  });

  it('keeps incidents in DynamoDB and applies the deployed suppression rules', async () => {
    // Prepare
    const dynamo = await startDynalite();
    await createTable(dynamo.client, 'incidents');
    const events = consoleSessionRecords().map(asEventBridgeEvent);
    const rules: SuppressionConfig = {
      version: 1,
      rules: [
        {
          id: 'change-4711',
          reason: 'CHG-4711: approved listing of IAM roles',
          expires: '2099-01-01T00:00:00Z',
          match: { eventNames: ['ListRoles'] },
        },
      ],
    };
    const suppressions = join(mkdtempSync(join(tmpdir(), 'rootwatch-')), 'suppressions.json');
    writeFileSync(suppressions, JSON.stringify(rules));
    const env = localAwsEnv(endpoint.url, {
      ROOTWATCH_ALERT_BUS: BUS,
      ROOTWATCH_LOG_GROUP: GROUP,
      ROOTWATCH_LOG_LEVEL: 'warn',
      ROOTWATCH_INCIDENT_TABLE: 'incidents',
      ROOTWATCH_SUPPRESSIONS_FILE: suppressions,
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.url,
    });
    const alertsBefore = endpoint.events.received.length;
    const recordsBefore = endpoint.logs.messages(GROUP).length;

    // Act
    const { code, results } = await invokeBundle(events, env);
    await dynamo.stop();

    // Assess
    expect(code).toBe(0);
    expect(results.filter((result) => !result.ok)).toStrictEqual([]);
    const findings = recordedFindings(endpoint, recordsBefore);
    expect(
      findings.map((finding) => [
        finding.incident?.count,
        finding.incident?.alert,
        finding.suppression?.ruleId,
      ]),
    ).toStrictEqual([
      [1, 'first', undefined],
      [2, 'update', undefined],
      [3, 'update', 'change-4711'],
      [4, 'escalation', undefined],
      [5, 'update', undefined],
    ]);
    expect(endpoint.events.received.slice(alertsBefore).map((event) => event.detail.eventName)).toStrictEqual(
      ['ConsoleLogin', 'CreateAccessKey'],
    );
  });

  it('records an invalid event nested 4,000 deep and succeeds, so that it is not retried into the DLQ', async () => {
    // Prepare
    const event = asEventBridgeEvent({
      eventVersion: '1.08',
      userIdentity: { type: 'Root', accountId: '111122223333', arn: 'arn:aws:iam::111122223333:root' },
      eventTime: 'soon',
      eventSource: 'iam.amazonaws.com',
      eventName: 'ListUsers',
      requestParameters: {},
    });
    let deep: Record<string, unknown> = { sessionToken: 'IQoJ-deep-secret' };
    for (let level = 0; level < 4_000; level += 1) deep = { a: deep };
    (event.detail as Record<string, unknown>).requestParameters = deep;
    const env = localAwsEnv(endpoint.url, {
      ROOTWATCH_ALERT_BUS: BUS,
      ROOTWATCH_LOG_GROUP: GROUP,
      ROOTWATCH_LOG_LEVEL: 'warn',
    });
    const before = endpoint.logs.messages(GROUP).length;

    // Act
    const { code, results } = await invokeBundle([event], env);

    // Assess
    expect(code).toBe(0);
    expect(results).toMatchObject([{ ok: true, result: { kind: 'invalid-event' } }]);
    const recorded = endpoint.logs.messages(GROUP).slice(before);
    expect(recorded.map((message) => RecordEntrySchema.parse(JSON.parse(message)))).toMatchObject([
      { kind: 'invalid-event', event: { truncated: true } },
    ]);
    expect(recorded.join('')).not.toContain('IQoJ-deep-secret');
  });

  it('ships the repository suppression rules and sanctioned root tasks beside the bundle, where the function reads them by default', () => {
    // Assess
    const shipped = readFileSync(join(dirname(BUNDLE), 'suppressions.json'), 'utf8');
    expect(shipped).toBe(readFileSync(join(REPO_ROOT, 'config/suppressions.json'), 'utf8'));
    expect(SuppressionConfigSchema.safeParse(JSON.parse(shipped)).success).toBe(true);
    const sanctioned = readFileSync(join(dirname(BUNDLE), 'sanctioned-root-tasks.json'), 'utf8');
    expect(sanctioned).toBe(readFileSync(join(REPO_ROOT, 'config/sanctioned-root-tasks.json'), 'utf8'));
    expect(SanctionedTasksConfigSchema.safeParse(JSON.parse(sanctioned)).success).toBe(true);
  });

  it('with the deployed DetectorConfig, pages tampering by anyone (its own function too) and records a sanctioned root task without paging', async () => {
    // Prepare: a principal changing the function's own code, which Lambda names in AWS_LAMBDA_FUNCTION_NAME
    const ownName = 'Rootwatch-DetectorFunctionSelf-EXAMPLE1';
    const ownCode = {
      ...((await sampleValues('tampering/assumed-role-delete-detector-function.json'))[0] as Record<
        string,
        unknown
      >),
    };
    const detail = {
      ...(ownCode.detail as Record<string, unknown>),
      eventID: 'own-code-replaced',
      eventName: 'UpdateFunctionCode20150331v2',
      requestParameters: { functionName: ownName, publish: false },
    };
    const events = [
      asEventBridgeEvent((await sampleValues('tampering/assumed-role-shorten-record-retention.json'))[0]),
      { ...ownCode, detail },
      ...(await sampleValues('takeover/assume-root-recover-member-root-password.log.json')).map(
        asEventBridgeEvent,
      ),
    ];
    // The example's tasks, with an expiry no test clock reaches: the bundle judges expiry on its own clock.
    const example = SanctionedTasksConfigSchema.parse(
      JSON.parse(readFileSync(join(REPO_ROOT, 'config', 'sanctioned-root-tasks.example.json'), 'utf8')),
    );
    const sanctionedTasks = join(mkdtempSync(join(tmpdir(), 'rootwatch-')), 'sanctioned-root-tasks.json');
    writeFileSync(
      sanctionedTasks,
      JSON.stringify({
        ...example,
        tasks: example.tasks.map((task) => ({ ...task, expires: '2099-01-01T00:00:00Z' })),
      }),
    );
    const env = localAwsEnv(endpoint.url, {
      ROOTWATCH_ALERT_BUS: BUS,
      ROOTWATCH_LOG_GROUP: GROUP,
      ROOTWATCH_LOG_LEVEL: 'warn',
      ROOTWATCH_DETECTOR_CONFIG: readFileSync(DEPLOYED_CONFIG_FILE, 'utf8'),
      ROOTWATCH_SANCTIONED_TASKS_FILE: sanctionedTasks,
      AWS_LAMBDA_FUNCTION_NAME: ownName,
    });
    const recordsBefore = endpoint.logs.messages(GROUP).length;
    const alertsBefore = endpoint.events.received.length;

    // Act
    const { code, results } = await invokeBundle(events, env);

    // Assess
    expect(code).toBe(0);
    expect(results.filter((result) => !result.ok)).toStrictEqual([]);
    const findings = recordedFindings(endpoint, recordsBefore);
    expect(
      findings.map((finding) => [finding.activity, finding.severity, finding.suppression?.ruleId]),
    ).toStrictEqual([
      ['detector-tampering', 'critical', undefined],
      ['detector-tampering', 'critical', undefined],
      ['root-password-task', 'critical', 'sanctioned:member-root-password-recovery'],
      ['credential-change', 'critical', 'sanctioned:member-root-password-recovery'],
    ]);
    expect(endpoint.events.received.slice(alertsBefore).map((event) => event.detail.eventId)).toStrictEqual([
      findings[0]!.eventId,
      'own-code-replaced',
    ]);
  });

  it('fails its cold start with a clear message when the configuration is wrong', async () => {
    // Act
    const { code, stderr } = await invokeBundle(
      [],
      localAwsEnv(endpoint.url, { ROOTWATCH_LOG_GROUP: GROUP, ROOTWATCH_ALERT_MIN_SEVERITY: 'urgent' }),
    );

    // Assess
    expect(code).not.toBe(0);
    expect(stderr).toContain('rootwatch: invalid configuration');
    expect(stderr).toContain('ROOTWATCH_ALERT_BUS');
    expect(stderr).toContain('ROOTWATCH_ALERT_MIN_SEVERITY');
  });
});
