import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { asEventBridgeEvent } from '../../detection/delivery/as-eventbridge-event.ts';
import { buildAwsDeps } from '../../handlers/root-activity/aws-deps.ts';
import { makeHandler } from '../../handlers/root-activity/make-handler.ts';
import { buildNotifierDeps } from '../../handlers/notifier/aws-deps.ts';
import { makeNotifierHandler } from '../../handlers/notifier/make-notifier-handler.ts';
import { asDelivered } from '../helpers/alert-bus.ts';
import { RecordEntrySchema } from '../../schemas/record-entry.ts';
import type { Finding } from '../../schemas/finding.ts';
import { LocalAwsEndpoint } from '../aws-endpoint/local-aws-endpoint.ts';
import { localAwsEnv } from '../helpers/aws-clients.ts';
import { createTable, startDynalite } from '../helpers/dynalite.ts';
import { memoryLogger } from '../helpers/fake-sinks.ts';
import { sampleRecord } from '../helpers/records.ts';
import { settlesWithin, startSilentServer } from '../helpers/silent-server.ts';

const GROUP = '/rootwatch/records';
const BUS = 'rootwatch-alerts';
const TABLE = 'rootwatch-incidents';
/** What the invocation has left when it starts: the handler's budget ends 2 s before. */
const REMAINING_MS = 5_000;
let endpoint: LocalAwsEndpoint;
let dynamo: Awaited<ReturnType<typeof startDynalite>>;
let silent: Awaited<ReturnType<typeof startSilentServer>>;
let clock: number;

beforeEach(async () => {
  endpoint = await LocalAwsEndpoint.start();
  endpoint.logs.createLogGroup({ logGroupName: GROUP });
  endpoint.events.buses.add(BUS);
  dynamo = await startDynalite();
  await createTable(dynamo.client, TABLE);
  silent = await startSilentServer();
  clock = Date.parse('2026-11-29T10:05:00Z');
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await endpoint.stop();
  await dynamo.stop();
  await silent.stop();
});

/** A container as deployed (production clients and retry policy), incidents in DynamoDB at `dynamoUrl`. */
const deployedHandler = async (dynamoUrl = dynamo.url) => {
  const env = localAwsEnv(endpoint.url, {
    ROOTWATCH_ALERT_BUS: BUS,
    ROOTWATCH_LOG_GROUP: GROUP,
    ROOTWATCH_INCIDENT_TABLE: TABLE,
    AWS_ENDPOINT_URL_DYNAMODB: dynamoUrl,
  });
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return makeHandler(
    await buildAwsDeps(process.env, { logger: memoryLogger().logger, now: () => new Date(clock) }),
  );
};

/** A Lambda context whose remaining time runs down with the wall clock, as Lambda's does. */
const lambdaContext = (index: number) => {
  const deadline = Date.now() + REMAINING_MS;
  return { awsRequestId: `request-${index}`, getRemainingTimeInMillis: () => deadline - Date.now() };
};

const rootLogin = () =>
  asEventBridgeEvent(sampleRecord('sign-in/root-console-login-with-mfa-current-format.json'));
const alerted = () => endpoint.events.received.map((event) => event.detail as Finding);
const recorded = () =>
  endpoint.logs.messages(GROUP).map((message) => RecordEntrySchema.parse(JSON.parse(message)));

describe('Hung services: the handler fails within its budget, and a retry does not page twice', () => {
  it('CloudWatch Logs never answers: the page is out and noted, the invocation fails, the retry pages no one', async () => {
    // Prepare
    const handler = await deployedHandler();
    endpoint.injectFaults({ rates: { hang: 1 }, operations: ['CreateLogStream', 'PutLogEvents'] });

    // Act
    const first = await settlesWithin(handler(rootLogin(), lambdaContext(1)), REMAINING_MS);
    endpoint.clearFaults();
    clock += 2 * 60_000; // Lambda's retry, after the page lease
    const retry = await settlesWithin(handler(rootLogin(), lambdaContext(2)), REMAINING_MS);

    // Assess
    expect(first).toMatchObject({ settled: true, error: { name: 'DeliveryError' } });
    expect(retry).toMatchObject({ settled: true, value: { kind: 'finding', alerted: 0 } });
    expect(alerted().map((finding) => finding.incident?.alert)).toStrictEqual(['first']);
    expect(
      recorded().map((entry) => entry.kind === 'finding' && entry.finding.incident?.alert),
    ).toStrictEqual(['update']);
  });

  it('DynamoDB never answers: the invocation fails within its budget, having paged no one', async () => {
    // Prepare
    const handler = await deployedHandler(silent.url);

    // Act
    const outcome = await settlesWithin(handler(rootLogin(), lambdaContext(1)), REMAINING_MS);

    // Assess
    expect(outcome).toMatchObject({ settled: true, error: { name: 'BudgetExhaustedError' } });
    expect(silent.connections()).toBeGreaterThan(0);
    expect(alerted()).toStrictEqual([]);
  });

  it('EventBridge stores the alert and never answers: the retry alerts again with the same id, the notifier pages once', async () => {
    // Prepare
    const handler = await deployedHandler();
    endpoint.queueFaults('PutEvents', 'hang-after-store');

    // Act
    const first = await settlesWithin(handler(rootLogin(), lambdaContext(1)), REMAINING_MS);
    clock += 2 * 60_000;
    const retry = await settlesWithin(handler(rootLogin(), lambdaContext(2)), REMAINING_MS);

    // Assess: the page could not be noted, so the retry pages again, as the same alert (the
    // notifier drops the copy: test/handlers/notifier.test.ts).
    expect(first).toMatchObject({ settled: true, error: { name: 'DeliveryError' } });
    expect(retry).toMatchObject({ settled: true, value: { kind: 'finding', alerted: 1 } });
    const [sent, again] = alerted();
    expect(again?.eventId).toBe(sent?.eventId);
    expect(again?.incident?.id).toBe(sent?.incident?.id);
    // The notifier, with the incident table: the copy is dropped.
    const topic = 'arn:aws:sns:us-east-1:111122223333:rootwatch-alerts';
    endpoint.sns.topics.add(topic);
    const notifier = makeNotifierHandler(
      await buildNotifierDeps(
        { ...process.env, ROOTWATCH_ALERT_TOPIC_ARN: topic },
        { logger: memoryLogger().logger },
      ),
    );
    for (const alert of endpoint.events.received) await notifier(asDelivered(alert));
    expect(endpoint.sns.published).toHaveLength(1);
  });
});
