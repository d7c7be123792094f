import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { SecurityHubClient } from '@aws-sdk/client-securityhub';
import { SNSClient } from '@aws-sdk/client-sns';
import { STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveReadSettings } from '../../adapters/archive-reads.ts';
import { CloudWatchLogsRecordSink } from '../../adapters/cloudwatch-logs-record-sink.ts';
import { DynamoDbVersionedStore } from '../../adapters/dynamodb-versioned-store.ts';
import { DynamoDbPostureStateStore } from '../../adapters/posture-state-store.ts';
import { EventBridgeAlertSink } from '../../adapters/eventbridge-alert-sink.ts';
import { IamPostureSource } from '../../adapters/iam-posture-source.ts';
import type { RetryPolicy } from '../../adapters/retry.ts';
import { BudgetExhaustedError } from '../../adapters/retry.ts';
import { s3Source } from '../../adapters/s3-source.ts';
import { SecurityHubImporter } from '../../adapters/security-hub-importer.ts';
import { SnsPublisher } from '../../adapters/sns-publisher.ts';
import { toAsffFinding } from '../../findings/formats/asff.ts';
import { CLIENT_CONFIG } from '../../handlers/root-activity/aws-deps.ts';
import { budgetSignal } from '../../handlers/invocation-budget.ts';
import type { Fault } from '../aws-endpoint/local-aws-endpoint.ts';
import { LocalAwsEndpoint } from '../aws-endpoint/local-aws-endpoint.ts';
import { TEST_REGION } from '../helpers/aws-clients.ts';
import { onlyFinding } from '../helpers/sample-findings.ts';
import { settlesWithin, startSilentServer } from '../helpers/silent-server.ts';
import { DEFAULT_READ_LIMITS } from '../../scan/documents/read-limits.ts';

const CREDENTIALS = { accessKeyId: 'AKIDLOCALTEST', secretAccessKey: 'local-test-secret' };
/** Two attempts, no real backoff: each attempt must end by itself for the call to end. */
const TWO_ATTEMPTS: RetryPolicy = { attempts: 2, baseDelayMs: 1, maxDelayMs: 5 };
/** As the handlers' clients are built, pointed at a local server. */
const production = (endpoint: string) => ({
  ...CLIENT_CONFIG,
  endpoint,
  region: TEST_REGION,
  credentials: CREDENTIALS,
});
const REQUEST_TIMEOUT_MS = CLIENT_CONFIG.requestHandler.requestTimeout;

let endpoint: LocalAwsEndpoint;
let silent: Awaited<ReturnType<typeof startSilentServer>>;
beforeAll(async () => {
  endpoint = await LocalAwsEndpoint.start();
  endpoint.logs.createLogGroup({ logGroupName: 'records' });
  endpoint.events.buses.add('alerts');
  endpoint.sns.topics.add('arn:aws:sns:us-east-1:111122223333:alerts');
  silent = await startSilentServer();
});
afterAll(async () => {
  await endpoint.stop();
  await silent.stop();
});

const finding = async () => (await onlyFinding('sign-in/root-console-login-eventbridge-2016.json')).finding;

interface HungCall {
  service: string;
  /** The operations the local endpoint hangs on (none: the service is the silent server). */
  hangs: string[];
  call: (signal?: AbortSignal) => Promise<unknown>;
}

/** The posture audit's IAM source against the endpoint (the account it runs in: 111122223333). */
const postureSource = () =>
  new IamPostureSource({
    homeAccount: '111122223333',
    roleName: 'audit',
    sts: new STSClient(production(endpoint.url)),
    clientConfig: production(endpoint.url),
    organizationFeatures: false,
    assumeRoot: false,
    retry: TWO_ATTEMPTS,
  });
const HUNG_CALLS: HungCall[] = [
  {
    service: 'CloudWatch Logs',
    hangs: ['CreateLogStream', 'PutLogEvents'],
    call: (signal) =>
      new CloudWatchLogsRecordSink({
        client: new CloudWatchLogsClient(production(endpoint.url)),
        logGroupName: 'records',
        logStreamName: 'hung',
        retry: TWO_ATTEMPTS,
      }).write([{ kind: 'ignored', reason: 'not-root-activity' }], signal ? { signal } : {}),
  },
  {
    service: 'EventBridge',
    hangs: ['PutEvents'],
    call: async (signal) =>
      new EventBridgeAlertSink({
        client: new EventBridgeClient(production(endpoint.url)),
        eventBusName: 'alerts',
        retry: TWO_ATTEMPTS,
      }).send([{ detailType: 'Root Activity Finding', detail: await finding() }], signal ? { signal } : {}),
  },
  {
    service: 'DynamoDB',
    hangs: [],
    call: async (signal) =>
      (
        await DynamoDbVersionedStore.connect({
          tableName: 'incidents',
          clientConfig: production(silent.url),
          retry: TWO_ATTEMPTS,
        })
      ).get('incident#1', signal ? { signal } : {}),
  },
  {
    service: 'DynamoDB (posture state)',
    hangs: [],
    call: async (signal) =>
      new DynamoDbPostureStateStore({
        client: new DynamoDBClient(production(silent.url)),
        tableName: 'posture-state',
        retry: TWO_ATTEMPTS,
      }).get('111122223333', 'root-mfa', signal ? { signal } : {}),
  },
  {
    service: 'SNS',
    hangs: ['Publish'],
    call: (signal) =>
      new SnsPublisher({
        client: new SNSClient(production(endpoint.url)),
        topicArn: 'arn:aws:sns:us-east-1:111122223333:alerts',
        retry: TWO_ATTEMPTS,
      }).publish({ subject: 'root', byProtocol: { default: 'root' } }, signal ? { signal } : {}),
  },
  {
    service: 'Security Hub',
    hangs: ['BatchImportFindings'],
    call: async (signal) =>
      new SecurityHubImporter({
        client: new SecurityHubClient(production(endpoint.url)),
        retry: TWO_ATTEMPTS,
      }).import([toAsffFinding(await finding())], signal ? { signal } : {}),
  },
  {
    service: 'IAM',
    hangs: ['GenerateCredentialReport'],
    call: (signal) => postureSource().collect('111122223333', signal ? { signal } : {}),
  },
  {
    service: 'STS',
    hangs: ['AssumeRole'],
    call: (signal) => postureSource().collect('444455556666', signal ? { signal } : {}),
  },
];

const hang = (operations: string[], fault: Fault = 'hang') => {
  for (const operation of operations) endpoint.queueFaults(operation, fault, fault, fault, fault);
};

describe('Hung services: every client the code builds gives up on a service that never answers', () => {
  it.concurrent.each(HUNG_CALLS)(
    '$service: each attempt ends at the request timeout, and the call fails after its attempts',
    async ({ hangs, call }) => {
      // Prepare
      hang(hangs);

      // Act
      const outcome = await settlesWithin(call(), 4 * REQUEST_TIMEOUT_MS);

      // Assess
      expect(outcome).toMatchObject({ settled: true, error: { name: 'TimeoutError' } });
    },
    30_000,
  );

  it.concurrent.each(HUNG_CALLS)(
    '$service: the call gives up when the invocation budget runs out, mid-attempt',
    async ({ hangs, call }) => {
      // Prepare: a Lambda with 2.5 s left, and the handlers' 2 s margin: 0.5 s, far below one attempt.
      hang(hangs);
      const signal = budgetSignal({ getRemainingTimeInMillis: () => 2_500 }, 2_000);

      // Act
      const outcome = await settlesWithin(call(signal), REQUEST_TIMEOUT_MS);

      // Assess
      expect(outcome).toMatchObject({ settled: true });
      expect((outcome as { error?: unknown }).error).toBeInstanceOf(BudgetExhaustedError);
    },
    30_000,
  );

  it('S3 (scan s3:// and the completeness scan): a read of a server that never answers fails', async () => {
    // Prepare: the archive readers' settings, with a shorter request timeout and one attempt.
    const settings = archiveReadSettings({ AWS_ENDPOINT_URL_S3: silent.url });
    const client = new S3Client({
      ...settings,
      maxAttempts: 1,
      requestHandler: { ...(settings.requestHandler as object), requestTimeout: 500 },
      endpoint: silent.url,
      region: TEST_REGION,
      credentials: CREDENTIALS,
    });
    const source = await s3Source('trail', { client });
    const before = silent.connections();

    // Act
    const outcome = await settlesWithin(source.read('AWSLogs/o.json.gz', DEFAULT_READ_LIMITS), 10_000);

    // Assess
    expect(outcome).toMatchObject({ settled: true, error: { name: 'TimeoutError' } });
    expect(silent.connections()).toBeGreaterThan(before);
  });

  it('S3: the archive readers are built with request timeouts that throw', () => {
    // Act
    const { requestHandler } = archiveReadSettings({}) as {
      requestHandler: { throwOnRequestTimeout?: boolean; requestTimeout?: number; socketTimeout?: number };
    };

    // Assess
    expect(requestHandler).toMatchObject({ throwOnRequestTimeout: true });
    expect(requestHandler.requestTimeout).toBeGreaterThan(0);
    expect(requestHandler.socketTimeout).toBeGreaterThan(0);
  });
});
