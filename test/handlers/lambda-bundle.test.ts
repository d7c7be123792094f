import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle, ROOT_ACTIVITY_BUNDLE } from '../../handlers/bundle.ts';
import { RecordEntrySchema } from '../../schemas/record-entry.ts';
import { LocalAwsEndpoint } from '../aws-endpoint/local-aws-endpoint.ts';
import { localAwsEnv } from '../helpers/aws-clients.ts';
import { deliveredSamples, recordKindOf } from '../helpers/delivered-samples.ts';
import { REPO_ROOT } from '../helpers/paths.ts';

const GROUP = '/rootwatch/records';
const BUS = 'rootwatch-alerts';
const BUNDLE = join(REPO_ROOT, ROOT_ACTIVITY_BUNDLE);
let endpoint: LocalAwsEndpoint;

/** Runs the bundle in a fresh Node process, as Lambda would, with only the given environment. */
const invokeBundle = (events: unknown[], env: Record<string, string>) =>
  new Promise<{
    code: number | null;
    results: { ok: boolean; result?: { kind: string }; error?: string }[];
    stderr: string;
  }>((resolve) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'test/aws-endpoint/invoke-bundle.mjs'), BUNDLE], {
      env: { PATH: process.env.PATH ?? '', ...env },
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
  await bundle('handlers/root-activity/index.ts', ROOT_ACTIVITY_BUNDLE);
  endpoint = await LocalAwsEndpoint.start();
  endpoint.logs.createLogGroup({ logGroupName: GROUP });
  endpoint.events.buses.add(BUS);
});
afterAll(() => endpoint.stop());

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
