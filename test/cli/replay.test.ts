import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RecordEntrySchema } from '../../schemas/record-entry.ts';
import { LocalAwsEndpoint } from '../aws-endpoint/local-aws-endpoint.ts';
import { localAwsEnv } from '../helpers/aws-clients.ts';
import { consoleSessionRecords } from '../helpers/console-session.ts';
import { createTable, startDynalite } from '../helpers/dynalite.ts';
import { deliveredSamples, recordKindOf } from '../helpers/delivered-samples.ts';
import { EVENTS_DIR, REPO_ROOT } from '../helpers/paths.ts';
import { DEPLOYED_CONFIG_FILE } from '../helpers/sample-events.ts';
import { childEnv } from '../helpers/child-env.ts';
import { runCli } from '../helpers/run-cli.ts';

const run = async (...argv: string[]) => {
  const { code, out, err } = await runCli(argv);
  return { code, out: out.join('\n'), err: err.join('\n') };
};
const scratch = () => mkdtempSync(join(tmpdir(), 'rootwatch-replay-test-'));
const readRecords = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => RecordEntrySchema.parse(JSON.parse(line)));

afterEach(() => vi.unstubAllEnvs());

describe('CLI: rootwatch replay', () => {
  it('replays every sample the rule delivers through the handler, printing alerts and a summary', async () => {
    // Prepare
    const records = join(scratch(), 'records.jsonl');
    const samples = await deliveredSamples();

    // Act
    const { code, out } = await run('replay', '--records', records, EVENTS_DIR);

    // Assess
    // The forwarders' liveness samples are recorded as heard or refused (liveness-samples.test.ts).
    const isLiveness = (entry: ReturnType<typeof readRecords>[number]) =>
      entry.kind === 'liveness' ||
      (entry.kind === 'invalid-event' &&
        (entry.event as { source?: string }).source === 'rootwatch.liveness');
    expect(code).toBe(0);
    expect(
      readRecords(records)
        .filter((entry) => !isLiveness(entry))
        .map((entry) => entry.kind),
    ).toStrictEqual(samples.map(({ expected }) => recordKindOf(expected)));
    expect(
      readRecords(records)
        .filter(isLiveness)
        .map((entry) => entry.kind),
    ).toStrictEqual([
      'liveness',
      'liveness',
      'invalid-event',
      'invalid-event',
      'invalid-event',
      'invalid-event',
    ]);
    expect(out).toContain('CRITICAL  Root console sign-in without MFA in 111122223333 from 192.0.2.0');
    expect(out).toMatch(
      /Summary: 65 findings\n {2}by severity: {3}critical 25, high 32, medium 6, low 1, info 1/,
    );
    expect(out).toContain(`records: ${records}`);
  });

  it('groups findings into incidents as the Lambda does: a console session alerts twice, every record carries its incident', async () => {
    // Prepare
    const dir = scratch();
    const session = join(dir, 'session.json');
    writeFileSync(session, JSON.stringify({ Records: consoleSessionRecords() }));
    const records = join(dir, 'records.jsonl');

    // Act
    const { code, out, err } = await run('replay', '--format', 'native', '--records', records, session);

    // Assess
    const alerts = out
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { eventName: string });
    const findings = readRecords(records).flatMap((entry) =>
      entry.kind === 'finding' ? [entry.finding] : [],
    );
    expect(code).toBe(0);
    expect(alerts.map((alert) => alert.eventName)).toStrictEqual(['ConsoleLogin', 'CreateAccessKey']);
    expect(findings.map((finding) => finding.incident?.count)).toStrictEqual([1, 2, 3, 4, 5]);
    expect(new Set(findings.map((finding) => finding.incident?.id)).size).toBe(1);
    expect(err).toContain('incidents:     1 (2 findings opened or escalated one; the rest updated theirs)');
  });

  it('alerts only at or above --alert-min-severity, and records everything', async () => {
    // Prepare
    const records = join(scratch(), 'records.jsonl');

    // Act
    const { out } = await run(
      'replay',
      '--alert-min-severity',
      'critical',
      '--records',
      records,
      join(EVENTS_DIR, 'sign-in'),
    );

    // Assess
    expect(out.match(/^[A-Z]+ {2}/gm)).toStrictEqual(['CRITICAL  ', 'CRITICAL  ']);
    expect(readRecords(records)).toHaveLength(9);
  });

  it('skips what the rule would not deliver, and reports unreadable input with exit 2', async () => {
    // Prepare
    const dir = scratch();
    writeFileSync(join(dir, 'broken.json'), '{"Records": [');

    // Act
    const { code, out, err } = await run(
      'replay',
      '--records',
      join(dir, 'r.jsonl'),
      join(EVENTS_DIR, 'negatives'),
      join(dir, 'broken.json'),
    );

    // Assess
    expect(code).toBe(2);
    expect(out).toContain('not delivered by the rule: 5');
    expect(err).toContain('broken.json: invalid JSON');
  });

  it('records and alerts in AWS with --aws, from the environment', async () => {
    // Prepare
    const endpoint = await LocalAwsEndpoint.start();
    endpoint.logs.createLogGroup({ logGroupName: '/rootwatch/records' });
    endpoint.events.buses.add('rootwatch-alerts');
    const env = localAwsEnv(endpoint.url, {
      ROOTWATCH_LOG_GROUP: '/rootwatch/records',
      ROOTWATCH_ALERT_BUS: 'rootwatch-alerts',
    });
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);

    // Act
    const { code } = await run('replay', '--aws', join(EVENTS_DIR, 'access-key'));
    await endpoint.stop();

    // Assess
    expect(code).toBe(0);
    expect(endpoint.logs.messages('/rootwatch/records')).toHaveLength(7);
    expect(endpoint.events.received).toHaveLength(7);
  });

  it('groups incidents in DynamoDB with --aws and an incident table, run as the package bin', async () => {
    // Prepare
    const endpoint = await LocalAwsEndpoint.start();
    endpoint.logs.createLogGroup({ logGroupName: '/rootwatch/records' });
    endpoint.events.buses.add('rootwatch-alerts');
    const dynamo = await startDynalite();
    await createTable(dynamo.client, 'incidents');
    const session = join(scratch(), 'session.json');
    writeFileSync(session, JSON.stringify({ Records: consoleSessionRecords() }));
    const env = localAwsEnv(endpoint.url, {
      ROOTWATCH_LOG_GROUP: '/rootwatch/records',
      ROOTWATCH_ALERT_BUS: 'rootwatch-alerts',
      ROOTWATCH_INCIDENT_TABLE: 'incidents',
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.url,
    });

    // Act
    await promisify(execFile)(
      process.execPath,
      [join(REPO_ROOT, 'dist/cli/rootwatch.mjs'), 'replay', '--aws', session],
      { env: childEnv(env) },
    );
    await endpoint.stop();
    await dynamo.stop();

    // Assess
    expect(endpoint.logs.messages('/rootwatch/records')).toHaveLength(5);
    expect(endpoint.events.received.map((event) => event.detail.eventName)).toStrictEqual([
      'ConsoleLogin',
      'CreateAccessKey',
    ]);
  });

  it('delivers tampering by anyone with the deployed DetectorConfig, through the tampering rules, as critical alerts', async () => {
    // Prepare
    const records = join(scratch(), 'records.jsonl');
    const samples = (await deliveredSamples({ withTampering: true })).filter(({ file }) =>
      file.startsWith('tampering/'),
    );

    // Act
    const { code, out } = await run(
      'replay',
      '--config',
      DEPLOYED_CONFIG_FILE,
      '--records',
      records,
      join(EVENTS_DIR, 'tampering'),
    );

    // Assess
    const findings = readRecords(records).flatMap((entry) =>
      entry.kind === 'finding' ? [entry.finding] : [],
    );
    expect(code).toBe(0);
    expect(findings.map((finding) => finding.activity)).toStrictEqual(
      samples.map(() => 'detector-tampering'),
    );
    expect(samples.length).toBeGreaterThanOrEqual(17);
    // One page per principal's session, as for root: the first call of a session pages, the rest update its incident.
    expect(out).toContain(
      'CRITICAL  Detector tampering: events:DisableRule on rule Rootwatch-DetectorRule4B4F0E9C-1A2B3C4D5E6F in 111122223333 from 203.0.113.45',
    );
    expect(out).toMatch(/by activity: {3}detector-tampering 17\n/);
    expect(out).toContain('incidents:     8 (8 findings opened or escalated one; the rest updated theirs)');
    expect(out).toContain('not delivered by the rule: 3');
  });

  it('shows the takeover paths, and records a sanctioned root task without alerting it', async () => {
    // Prepare
    const records = join(scratch(), 'records.jsonl');

    // Act
    const { code, out } = await run(
      'replay',
      '--format',
      'native',
      '--sanctioned-tasks',
      join(REPO_ROOT, 'config', 'sanctioned-root-tasks.example.json'),
      '--records',
      records,
      join(EVENTS_DIR, 'takeover'),
      join(EVENTS_DIR, 'assumed-root', 'assume-root-task-delete-bucket-policy.log.json'),
    );

    // Assess
    const alerted = out
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { eventId: string }).eventId);
    const findings = readRecords(records).flatMap((entry) =>
      entry.kind === 'finding' ? [entry.finding] : [],
    );
    const sanctioned = findings.flatMap((finding) =>
      finding.suppression ? [`${finding.eventName} ${finding.suppression.ruleId}`] : [],
    );
    expect(code).toBe(0);
    expect(findings.map(({ activity, severity }) => `${activity} ${severity}`).sort()).toStrictEqual([
      'api-call medium',
      'credential-change critical',
      'member-root-email-change critical',
      'member-root-email-change critical',
      'member-root-email-change high',
      'root-password-task critical',
      'root-password-task high',
      'root-task high',
      'root-task high',
      'root-task high',
      'root-task low',
    ]);
    expect(
      findings.filter((finding) => finding.suppression && alerted.includes(finding.eventId)),
    ).toStrictEqual([]);
    expect(alerted.length).toBeGreaterThan(0);
    expect(sanctioned.sort()).toStrictEqual([
      'AssumeRoot sanctioned:member-root-password-recovery',
      'AssumeRoot sanctioned:unlock-bucket-policies',
      'CreateLoginProfile sanctioned:member-root-password-recovery',
      'DeleteBucketPolicy sanctioned:unlock-bucket-policies',
    ]);
  });
});
