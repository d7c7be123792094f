import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { asEventBridgeEvent } from '../../detection/delivery/as-eventbridge-event.ts';
import { lambdaEntry } from '../../build/artifacts.ts';
import { buildCompletenessDeps } from '../../handlers/completeness/aws-deps.ts';
import { makeCompletenessHandler } from '../../handlers/completeness/make-completeness-handler.ts';
import { loadConfig } from '../../handlers/load-config.ts';
import { buildAwsDeps } from '../../handlers/root-activity/aws-deps.ts';
import { makeHandler } from '../../handlers/root-activity/make-handler.ts';
import { CompletenessConfigSchema } from '../../schemas/completeness-config.ts';
import { RecordEntrySchema } from '../../schemas/record-entry.ts';
import type { RecordEntry } from '../../schemas/record-entry.ts';
import { LocalAwsEndpoint } from '../aws-endpoint/local-aws-endpoint.ts';
import { rootRecord } from '../helpers/archive.ts';
import { FAST_RETRY, localCompletenessEnv } from '../helpers/aws-clients.ts';
import { memoryLogger } from '../helpers/fake-sinks.ts';
import { REPO_ROOT } from '../helpers/paths.ts';
import { sampleRecord } from '../helpers/records.ts';
import type { LocalS3 } from '../helpers/s3-server.ts';
import { fillBucket, startLocalS3 } from '../helpers/s3-server.ts';
import { childEnv } from '../helpers/child-env.ts';

const BUCKET = 'org-trail-completeness';
const ORG = 'AWSLogs/o-a1b2c3d4e5';
const A = '111122223333';
const B = '444455556666';
const GROUP = '/rootwatch/records';
const BUS = 'rootwatch-alerts';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Yesterday (UTC) is the window: the live path's records are written now, as in AWS. */
const END = Math.floor(Date.now() / DAY) * DAY;
const START = END - DAY;
const SCHEDULED = {
  source: 'rootwatch.completeness-schedule',
  scheduledTime: new Date(END + HOUR).toISOString(),
};
const iso = (ms: number) => new Date(ms).toISOString();
const stamp = (ms: number) => iso(ms).slice(0, 16).replace(/[-:]/g, '');

/** The trail object of `account` delivered at `delivered`, holding `records`. */
const trailObject = (account: string, delivered: number, records: unknown[]) =>
  [
    `${ORG}/${account}/CloudTrail/us-east-1/${iso(delivered).slice(0, 10).replaceAll('-', '/')}/` +
      `${account}_CloudTrail_us-east-1_${stamp(delivered)}Z_${Math.random().toString(36).slice(2, 18)}.json.gz`,
    gzipSync(JSON.stringify({ Records: records })),
  ] as const;
const root = (sample: string, eventID: string, at: number, account = A, changes: object = {}) => ({
  ...rootRecord(sample, { eventID, eventTime: iso(at), account, region: 'us-east-1' }),
  ...changes,
});

const SIGN_IN = 'sign-in/root-console-login-without-mfa.json';
const KEY = 'access-key/root-access-key-put-bucket-policy.json';
/** What the trail holds, and what the live path got: see each line. */
const EVENTS = {
  deliveredLive: root(SIGN_IN, 'e1-delivered-live', START + 3 * HOUR),
  missed: root(KEY, 'e2-missed', START + 10 * HOUR),
  serviceAsRoot: root('aws-service/root-identity-invoked-by-elb.json', 'e3-info', START + 11 * HOUR),
  networkActivity: root(KEY, 'e4-network-activity', START + 12 * HOUR, A, { eventType: 'AwsVpceEvents' }),
  callerCopy: root(KEY, 'e5a-caller-copy', START + 13 * HOUR, A, { sharedEventID: 'shared-5' }),
  ownerCopy: {
    ...root(KEY, 'e5b-owner-copy', START + 13 * HOUR, A, { sharedEventID: 'shared-5' }),
    recipientAccountId: B,
  },
  lateFromWindowBefore: root(KEY, 'e6-late-from-the-window-before', START - 2 * HOUR),
  tooOld: root(KEY, 'e7-too-old', START - 3 * DAY),
  afterSettle: root(KEY, 'e8-in-an-object-of-the-next-run', END - HOUR),
};
const LIVE = [EVENTS.deliveredLive, EVENTS.callerCopy];
/** Earliest first: every severity is recorded, ... */
const MISSED = ['e6-late-from-the-window-before', 'e2-missed', 'e3-info'];
/** ... and those at or above the alert threshold page (two incidents of one key, quiet in between). */
const ALERTED = ['e6-late-from-the-window-before', 'e2-missed'];

let s3: LocalS3;
let endpoint: LocalAwsEndpoint;
let env: Record<string, string>;

beforeAll(async () => {
  s3 = await startLocalS3();
  const notRoot = sampleRecord('negatives/iam-user-put-bucket-policy.json');
  await fillBucket(s3, BUCKET, [
    trailObject(A, START + 20 * 60_000, [EVENTS.lateFromWindowBefore, EVENTS.tooOld, notRoot]),
    trailObject(A, START + 3 * HOUR + 5 * 60_000, [notRoot, EVENTS.deliveredLive]),
    trailObject(A, START + 10 * HOUR + 5 * 60_000, [EVENTS.missed, EVENTS.serviceAsRoot]),
    trailObject(A, START + 12 * HOUR + 5 * 60_000, [EVENTS.networkActivity]),
    trailObject(A, START + 13 * HOUR + 5 * 60_000, [EVENTS.callerCopy]),
    trailObject(B, START + 13 * HOUR + 6 * 60_000, [EVENTS.ownerCopy]),
    trailObject(A, END + 2 * HOUR, [EVENTS.afterSettle]),
    trailObject(A, START - 2 * DAY, [root(KEY, 'e9-history', START - 2 * DAY)]),
  ]);
}, 60_000);
afterAll(async () => {
  await s3?.stop();
});

beforeEach(async () => {
  endpoint = await LocalAwsEndpoint.start();
  endpoint.logs.createLogGroup({ logGroupName: GROUP });
  endpoint.events.buses.add(BUS);
  env = localCompletenessEnv(
    endpoint.url,
    s3.endpoint,
    { bucket: BUCKET, prefix: `${ORG}/`, logGroup: GROUP, alertBus: BUS },
    { ROOTWATCH_LOG_LEVEL: 'warn' },
  );
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  // The live path: EventBridge delivered these two, and no other.
  const live = makeHandler(
    await buildAwsDeps(process.env, { logger: memoryLogger().logger, retry: FAST_RETRY }),
  );
  for (const record of LIVE) await live(asEventBridgeEvent(record));
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await endpoint.stop();
});

const records = (): RecordEntry[] =>
  endpoint.logs.messages(GROUP).map((message) => RecordEntrySchema.parse(JSON.parse(message)));
const lateFindings = () =>
  records().flatMap((entry) =>
    entry.kind === 'finding' && entry.finding.lateDetection ? [entry.finding] : [],
  );
const alertedIds = () => endpoint.events.received.map((event) => String(event.detail.eventId));
const completeness = () => {
  const { logger, lines } = memoryLogger();
  const handler = makeCompletenessHandler(
    buildCompletenessDeps(loadConfig(CompletenessConfigSchema, process.env), process.env, {
      logger,
      retry: FAST_RETRY,
      taskRoot: join(REPO_ROOT, 'config'),
    }),
  );
  return { handler, lines };
};

describe('Completeness scan end to end: a trail bucket (local S3), the live path’s records and the alert bus (local endpoint)', () => {
  it('finds, records and alerts exactly the root events the live path missed, each once', async () => {
    // Prepare
    const { handler } = completeness();
    const liveAlerts = alertedIds();

    // Act
    const result = await handler(SCHEDULED, {
      awsRequestId: 'run-1',
      functionName: 'rootwatch-completeness',
    });

    // Assess
    expect(liveAlerts).toStrictEqual(['e1-delivered-live', 'e5a-caller-copy']);
    expect(alertedIds().slice(2)).toStrictEqual(ALERTED);
    expect(endpoint.events.received.slice(2).map((event) => event.detailType)).toStrictEqual([
      'Root Activity Finding',
      'Root Activity Finding',
    ]);
    expect(
      lateFindings().map((finding) => [
        finding.eventId,
        finding.lateDetection?.object.split('/').slice(0, 6).join('/'),
      ]),
    ).toStrictEqual(MISSED.map((eventId) => [eventId, `s3://${BUCKET}/${ORG}/${A}`]));
    expect(result).toStrictEqual({
      window: { start: iso(START), end: iso(END) },
      events: { from: iso(START - DAY), to: iso(END) },
      objects: { from: iso(START - 15 * 60_000), to: iso(END + HOUR) },
      accounts: 2,
      objectsScanned: 6,
      objectsUnreadable: 0,
      rootEvents: 6,
      missed: 3,
      alerted: 2,
      stoppedEarly: false,
      complete: true,
    });
    expect(records().at(-1)).toStrictEqual({ kind: 'completeness', ...result });
  });

  it('does not page again when run again (a retry, or the next run’s overlap)', async () => {
    // Prepare
    const { handler } = completeness();
    await handler(SCHEDULED);
    const alerted = alertedIds().length;

    // Act
    const again = await handler(SCHEDULED);

    // Assess
    expect(again).toMatchObject({ rootEvents: 6, missed: 0, alerted: 0, complete: true });
    expect(alertedIds()).toHaveLength(alerted);
    expect(lateFindings().map((finding) => finding.eventId)).toStrictEqual(MISSED);
  });

  it('alerts and records each missed event exactly once under throttling and partial failures', async () => {
    // Prepare
    const { handler } = completeness();
    endpoint.logs.filterScanEvents = 1;
    endpoint.injectFaults({
      rates: { throttle: 0.2, 'server-error': 0.1, unavailable: 0.1, partial: 0.2 },
      seed: 5,
      operations: ['FilterLogEvents', 'PutEvents', 'PutLogEvents', 'CreateLogStream'],
    });

    // Act
    await handler(SCHEDULED);
    endpoint.clearFaults();

    // Assess
    expect(alertedIds().slice(2)).toStrictEqual(ALERTED);
    expect(lateFindings().map((finding) => finding.eventId)).toStrictEqual(MISSED);
    expect(endpoint.requests.filter((request) => request.fault).length).toBeGreaterThan(0);
  });

  it('runs as the production bundle in a fresh Node process, configured only by its environment', async () => {
    // Prepare

    // Act
    const output = await new Promise<string>((resolve) => {
      const child = spawn(
        process.execPath,
        [
          join(REPO_ROOT, 'test/aws-endpoint/invoke-bundle.mjs'),
          join(REPO_ROOT, lambdaEntry('completeness')),
        ],
        { env: childEnv({ ...env, ROOTWATCH_LOG_LEVEL: 'info' }) },
      );
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.on('close', () => resolve(stdout));
      child.stdin.end(JSON.stringify([SCHEDULED]));
    });

    // Assess
    const lines = output.split('\n');
    const result = lines.find((line) => line.startsWith('RESULT '));
    expect(JSON.parse(result!.slice('RESULT '.length))).toMatchObject({
      ok: true,
      result: { missed: 3, alerted: 2, complete: true },
    });
    const metrics = lines
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((line) => line._aws);
    expect(metrics).toMatchObject({ MissedRootEvents: 3, CompleteScans: 1, TrailObjectsScanned: 6 });
    expect(alertedIds().slice(2)).toStrictEqual(ALERTED);
  });
});
