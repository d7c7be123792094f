import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { asEventBridgeEvent } from '../detection/delivery/as-eventbridge-event.ts';
import { buildAwsDeps } from '../handlers/root-activity/aws-deps.ts';
import { makeHandler } from '../handlers/root-activity/make-handler.ts';
import { createLogger } from '../adapters/logger.ts';
import { LocalAwsEndpoint } from '../test/aws-endpoint/local-aws-endpoint.ts';
import { localAwsEnv, localClients } from '../test/helpers/aws-clients.ts';
import { consoleSessionRecords } from '../test/helpers/console-session.ts';
import { createTable, startDynalite } from '../test/helpers/dynalite.ts';
import { bareRoundTrips, BARE_MESSAGE } from './lib/bare-round-trips.ts';
import { latencyLines } from './lib/latency-lines.ts';
import type { BenchLine } from './lib/report.ts';
import { printTable } from './lib/report.ts';

const SESSIONS = 300;
const WARM_UP_SESSIONS = 10;
const TABLE = 'rootwatch-incidents';

/** `count` root console sessions, each a sign-in and its console calls, with ids of their own. */
const sessions = (count: number): Record<string, unknown>[] =>
  Array.from({ length: count }, (_, session) =>
    consoleSessionRecords().map((record) => {
      const event = asEventBridgeEvent({ ...record, eventID: `s${session}-${String(record.eventID)}` });
      const identity = (event.detail as { userIdentity: { accessKeyId?: string } }).userIdentity;
      // Each session its own temporary key, as each console session has.
      if (identity.accessKeyId) identity.accessKeyId = `ASIA${String(session).padStart(16, '0')}`;
      return event;
    }),
  ).flat();

/**
 * Handler latency with incidents in DynamoDB (dynalite, the real local implementation) beside the
 * round trips no design avoids: PutLogEvents, PutEvents and one read-then-conditional-write of an
 * item (GetItem + PutItem), against the same endpoints, interleaved event by event. The events are
 * console sessions: a sign-in that opens an incident and pages, then calls that update it.
 */
const runIncidentLatency = async (): Promise<BenchLine[]> => {
  const endpoint = await LocalAwsEndpoint.start();
  const dynamo = await startDynalite();
  await createTable(dynamo.client, TABLE);
  endpoint.logs.createLogGroup({ logGroupName: '/rootwatch/records' });
  endpoint.logs.createLogStream({ logGroupName: '/rootwatch/records', logStreamName: 'bare' });
  endpoint.events.buses.add('rootwatch-alerts');
  const saved = { ...process.env };
  Object.assign(
    process.env,
    localAwsEnv(endpoint.url, {
      ROOTWATCH_LOG_GROUP: '/rootwatch/records',
      ROOTWATCH_ALERT_BUS: 'rootwatch-alerts',
      ROOTWATCH_INCIDENT_TABLE: TABLE,
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.url,
    }),
  );
  const handler = makeHandler(await buildAwsDeps(process.env, { logger: createLogger({ level: 'silent' }) }));
  const clients = localClients(endpoint.url);

  const events = sessions(SESSIONS + WARM_UP_SESSIONS);
  const warmUp = WARM_UP_SESSIONS * (events.length / (SESSIONS + WARM_UP_SESSIONS));
  const handled: number[] = [];
  const bare: number[] = [];
  for (const [index, event] of events.entries()) {
    let started = performance.now();
    await handler(event);
    const handlerMs = performance.now() - started;
    started = performance.now();
    const key = { id: { S: `bare-${index}` } };
    await dynamo.client.send(new GetItemCommand({ TableName: TABLE, Key: key, ConsistentRead: true }));
    await dynamo.client.send(
      new PutItemCommand({
        TableName: TABLE,
        Item: { ...key, version: { N: '1' }, value: { S: BARE_MESSAGE } },
        ConditionExpression: 'attribute_not_exists(id)',
      }),
    );
    await bareRoundTrips(clients);
    const bareMs = performance.now() - started;
    if (index >= warmUp) {
      handled.push(handlerMs);
      bare.push(bareMs);
    }
  }
  const alerts = endpoint.events.received.filter((event) => event.source === 'rootwatch');
  await endpoint.stop();
  await dynamo.stop();
  process.env = saved;

  const lines = latencyLines(
    { name: 'with incidents', values: handled },
    { name: 'bare + GetItem/PutItem', values: bare },
    3,
  );
  printTable(
    `handler latency with incidents in DynamoDB (${handled.length.toLocaleString('en-US')} events of ${SESSIONS} console sessions after warm-up, dynalite; ${alerts.length} alerts for ${events.length} events)`,
    lines,
  );
  return lines;
};

export { runIncidentLatency };
