import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lambdaEntry } from '../../build/artifacts.ts';
import type { FunctionName } from '../../infra/lambda-dirs.ts';
import { RecordEntrySchema } from '../../schemas/record-entry.ts';
import { LocalAwsEndpoint } from '../aws-endpoint/local-aws-endpoint.ts';
import { localAwsEnv } from '../helpers/aws-clients.ts';
import { createTable, startDynalite } from '../helpers/dynalite.ts';
import { REPO_ROOT } from '../helpers/paths.ts';
import { sampleValues } from '../helpers/sample-events.ts';
import { childEnv } from '../helpers/child-env.ts';

const GROUP = '/rootwatch/records';
const BUS = 'rootwatch-alerts';
const TABLE = 'rootwatch-liveness';

/** Runs a function's bundle in a fresh Node process, as Lambda would, with only the given environment. */
const invokeBundle = (name: FunctionName, events: unknown[], env: Record<string, string>) =>
  new Promise<{ code: number | null; results: { ok: boolean; result?: unknown; message?: string }[] }>(
    (resolve) => {
      const child = spawn(
        process.execPath,
        [join(REPO_ROOT, 'test/aws-endpoint/invoke-bundle.mjs'), join(REPO_ROOT, lambdaEntry(name))],
        { env: childEnv(env) },
      );
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.on('close', (code) =>
        resolve({
          code,
          results: stdout
            .split('\n')
            .filter((line) => line.startsWith('RESULT '))
            .map((line) => JSON.parse(line.slice('RESULT '.length))),
        }),
      );
      child.stdin.end(JSON.stringify(events));
    },
  );

describe('Lambda bundles: liveness through the detector, then the coverage check, against the local endpoint and DynamoDB', () => {
  let endpoint: LocalAwsEndpoint;
  let dynamo: Awaited<ReturnType<typeof startDynalite>>;
  let env: Record<string, string>;

  beforeAll(async () => {
    endpoint = await LocalAwsEndpoint.start();
    endpoint.logs.createLogGroup({ logGroupName: GROUP });
    endpoint.events.buses.add(BUS);
    endpoint.cloudtrail.trails.push({
      name: 'organisation-trail',
      account: '999988887777',
      homeRegion: 'us-east-1',
      multiRegion: true,
      organization: true,
      logging: true,
    });
    endpoint.account.regions.set('111122223333', {
      'us-east-1': 'ENABLED_BY_DEFAULT',
      'eu-west-1': 'ENABLED_BY_DEFAULT',
    });
    dynamo = await startDynalite();
    await createTable(dynamo.client, TABLE);
    env = localAwsEnv(endpoint.url, {
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.url,
      ROOTWATCH_ALERT_BUS: BUS,
      ROOTWATCH_LOG_GROUP: GROUP,
      ROOTWATCH_LOG_LEVEL: 'warn',
      ROOTWATCH_LIVENESS_TABLE: TABLE,
    });
  });
  afterAll(async () => {
    await endpoint.stop();
    await dynamo.stop();
  });

  it('notes the heard places, refuses the spoof, then alerts each silent or never-heard place once', async () => {
    // Prepare: two forwarders heard on 2026-11-29 (silent by any later clock), one spoof
    const events = [
      ...(await sampleValues('liveness/forwarder-liveness-member-eu-west-1.json')),
      ...(await sampleValues('liveness/forwarder-liveness-security-account-us-east-1.json')),
      ...(await sampleValues('liveness/liveness-spoof-schedule-of-another-account.json')),
    ];

    // Act
    const detector = await invokeBundle('root-activity', events, env);
    const checks = await invokeBundle('coverage', [{ source: 'rootwatch.coverage-schedule' }, {}], env);

    // Assess
    expect(detector.code).toBe(0);
    expect(detector.results.map((result) => (result.result as { kind: string }).kind)).toStrictEqual([
      'liveness',
      'liveness',
      'invalid-event',
    ]);
    expect(checks.code).toBe(0);
    expect(checks.results.map((result) => (result.result as { alerted: number }).alerted)).toStrictEqual([
      3, 0,
    ]);
    expect(endpoint.events.received.map((event) => [event.detailType, event.detail.eventId])).toStrictEqual([
      ['Rootwatch Coverage Gap', 'coverage:111122223333:eu-west-1:never'],
      ['Rootwatch Coverage Gap', 'coverage:111122223333:us-east-1:2026-11-29T05:30:01.000Z'],
      ['Rootwatch Coverage Gap', 'coverage:444455556666:eu-west-1:2026-11-29T05:00:02.000Z'],
    ]);
    const kinds = endpoint.logs
      .messages(GROUP)
      .map((message) => RecordEntrySchema.parse(JSON.parse(message)).kind);
    expect(kinds).toStrictEqual(['liveness', 'liveness', 'invalid-event', 'coverage', 'coverage']);
  });
});
