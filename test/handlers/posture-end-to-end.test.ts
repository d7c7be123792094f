import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lambdaEntry } from '../../build/artifacts.ts';
import { loadConfig } from '../../handlers/load-config.ts';
import { buildPostureDeps } from '../../handlers/root-posture/aws-deps.ts';
import { makePostureHandler } from '../../handlers/root-posture/make-posture-handler.ts';
import { PostureConfigSchema } from '../../schemas/posture-config.ts';
import { POSTURE_CHECKS } from '../../schemas/posture-result.ts';
import { RecordEntrySchema } from '../../schemas/record-entry.ts';
import type { RecordEntry } from '../../schemas/record-entry.ts';
import { LocalAwsEndpoint } from '../aws-endpoint/local-aws-endpoint.ts';
import { FAST_RETRY, localAwsEnv } from '../helpers/aws-clients.ts';
import { accountReportCsv, bareRoot, exposedRoot } from '../helpers/credential-reports.ts';
import { createTable, startDynalite } from '../helpers/dynalite.ts';
import { memoryLogger } from '../helpers/fake-sinks.ts';
import { REPO_ROOT } from '../helpers/paths.ts';
import { childEnv } from '../helpers/child-env.ts';

const HOME = '111122223333';
/** The audit's clock: a day after the exposed root's last use, whatever today is. */
const AUDIT_TIME = new Date('2026-11-30T05:00:00Z');
const EXPOSED = '444455556666';
const BARE = '777788889999';
const GROUP = '/rootwatch/records';
const BUS = 'rootwatch-alerts';
const TABLE = 'rootwatch-posture';
let endpoint: LocalAwsEndpoint;
let dynamo: Awaited<ReturnType<typeof startDynalite>>;
let env: Record<string, string>;

beforeEach(async () => {
  endpoint = await LocalAwsEndpoint.start();
  dynamo = await startDynalite();
  await createTable(dynamo.client, TABLE);
  endpoint.logs.createLogGroup({ logGroupName: GROUP });
  endpoint.events.buses.add(BUS);
  endpoint.iam.accounts.set(HOME, {
    credentialReport: accountReportCsv(HOME),
    virtualMfaDevices: [
      {
        SerialNumber: `arn:aws:iam::${HOME}:mfa/root-account-mfa-device`,
        User: { Arn: `arn:aws:iam::${HOME}:root` },
      },
    ],
    organizationFeatures: ['RootCredentialsManagement', 'RootSessions'],
    reportDelayCalls: 2,
  });
  endpoint.iam.accounts.set(EXPOSED, {
    credentialReport: accountReportCsv(EXPOSED, exposedRoot('2026-11-29T05:00:00+00:00')),
    virtualMfaDevices: [],
    rootLoginProfile: true,
  });
  endpoint.iam.accounts.set(BARE, {
    credentialReport: accountReportCsv(BARE, bareRoot),
    virtualMfaDevices: [],
    rootLoginProfile: false,
  });
  for (const account of [EXPOSED, BARE]) {
    endpoint.sts.assumable.add(`arn:aws:iam::${account}:role/RootwatchPostureAudit`);
    endpoint.sts.rootTargets.add(account);
  }
  env = localAwsEnv(endpoint.url, {
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.url,
    ROOTWATCH_LOG_GROUP: GROUP,
    ROOTWATCH_ALERT_BUS: BUS,
    ROOTWATCH_POSTURE_TABLE: TABLE,
    ROOTWATCH_AUDIT_ACCOUNTS: `${EXPOSED}, ${BARE}`,
    ROOTWATCH_AUDIT_ORGANIZATION_FEATURES: 'true',
    ROOTWATCH_AUDIT_ASSUME_ROOT: 'true',
    ROOTWATCH_LOG_LEVEL: 'warn',
  });
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await endpoint.stop();
  await dynamo.stop();
});

const postureRecords = () =>
  endpoint.logs
    .messages(GROUP)
    .map((message) => RecordEntrySchema.parse(JSON.parse(message)))
    .filter((entry): entry is Extract<RecordEntry, { kind: 'posture' }> => entry.kind === 'posture');
const statusOf = (account: string, check: string) =>
  postureRecords().findLast((entry) => entry.result.account === account && entry.result.check === check)
    ?.result.status;
const context = {
  awsRequestId: 'r',
  invokedFunctionArn: `arn:aws:lambda:us-east-1:${HOME}:function:rootwatch-posture`,
};

describe('Scheduled posture audit end to end: IAM, STS, CloudWatch Logs, EventBridge and DynamoDB', () => {
  it('audits its own and the member accounts, alerts failures once, and keeps the state in DynamoDB', async () => {
    // Prepare
    const deps = buildPostureDeps(loadConfig(PostureConfigSchema, process.env), {
      homeAccount: HOME,
      logger: memoryLogger().logger,
      retry: FAST_RETRY,
      pollDelayMs: 1,
    });
    endpoint.iam.now = () => AUDIT_TIME;
    const handler = makePostureHandler({ ...deps, now: () => AUDIT_TIME });

    // Act
    const first = await handler({}, context);
    const second = await handler({}, context);

    // Assess
    expect(first).toStrictEqual({
      accounts: 3,
      results: 3 * POSTURE_CHECKS.length,
      failing: 6,
      alerted: 6,
      unreadable: 0,
      notReached: 0,
      withoutRootCredentials: 1,
    });
    expect(second.alerted).toBe(0);
    expect([statusOf(HOME, 'root-hardware-mfa'), statusOf(HOME, 'root-mfa')]).toStrictEqual(['fail', 'pass']);
    expect([statusOf(BARE, 'root-mfa'), statusOf(BARE, 'root-hardware-mfa')]).toStrictEqual(['pass', 'pass']);
    expect(statusOf(BARE, 'centralized-root-access')).toBe('pass');
    expect(
      new Set(endpoint.events.received.map((event) => `${event.detailType} ${event.detail.account}`)),
    ).toStrictEqual(new Set([`Root Posture Finding ${EXPOSED}`, `Root Posture Finding ${HOME}`]));
    const item = await dynamo.client.send(
      new GetItemCommand({ TableName: TABLE, Key: { id: { S: `${EXPOSED}#root-access-keys` } } }),
    );
    expect(item.Item?.status?.S).toBe('fail');
  });

  it('skips centralized-root-access where IAM answers that the account is in no organisation', async () => {
    // Prepare
    endpoint.iam.accounts.get(HOME)!.organizationFeatures = 'no-organization';
    const deps = buildPostureDeps(loadConfig(PostureConfigSchema, process.env), {
      homeAccount: HOME,
      logger: memoryLogger().logger,
      retry: FAST_RETRY,
      pollDelayMs: 1,
    });
    endpoint.iam.now = () => AUDIT_TIME;

    // Act
    const summary = await makePostureHandler({ ...deps, now: () => AUDIT_TIME })({}, context);

    // Assess: audited all the same; without RootCredentialsManagement no root is "without credentials".
    expect(summary).toMatchObject({ accounts: 3, withoutRootCredentials: 0 });
    expect(
      [HOME, EXPOSED, BARE].map((account) => statusOf(account, 'centralized-root-access')),
    ).toStrictEqual(['skipped', 'skipped', 'skipped']);
    expect(statusOf(BARE, 'root-mfa')).toBe('fail');
  });

  it('runs as the production bundle, configured by its environment', async () => {
    // Prepare (IAM answers at once: the bundle polls every 2 s, as in AWS)
    endpoint.iam.accounts.get(HOME)!.reportDelayCalls = 0;

    // Act
    const output = await new Promise<string>((resolve) => {
      const child = spawn(
        process.execPath,
        [
          join(REPO_ROOT, 'test/aws-endpoint/invoke-bundle.mjs'),
          join(REPO_ROOT, lambdaEntry('root-posture')),
        ],
        {
          env: childEnv({ ...env, ROOTWATCH_AUDIT_ASSUME_ROOT: 'false' }),
        },
      );
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.on('close', () => resolve(stdout));
      child.stdin.end(JSON.stringify([{ source: 'aws.scheduler', 'detail-type': 'Scheduled Event' }]));
    });

    // Assess
    const result = output.split('\n').find((line) => line.startsWith('RESULT '));
    expect(JSON.parse(result!.slice('RESULT '.length))).toMatchObject({
      ok: true,
      result: { accounts: 3, results: 3 * POSTURE_CHECKS.length },
    });
    expect(statusOf(BARE, 'root-mfa')).toBe('fail');
  });
});
