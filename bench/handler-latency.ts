import { readFileSync } from 'node:fs';
import { buildAwsDeps } from '../handlers/root-activity/aws-deps.ts';
import { makeHandler } from '../handlers/root-activity/make-handler.ts';
import { createLogger } from '../adapters/logger.ts';
import { LocalAwsEndpoint } from '../test/aws-endpoint/local-aws-endpoint.ts';
import { localAwsEnv, localClients } from '../test/helpers/aws-clients.ts';
import { bareRoundTrips } from './lib/bare-round-trips.ts';
import { latencyLines } from './lib/latency-lines.ts';
import type { BenchLine } from './lib/report.ts';
import { printTable } from './lib/report.ts';

const EVENTS = 2_000;

/**
 * Handler latency per event against the local endpoint (real SDK clients, warm container), beside
 * the bare round trips it cannot avoid: one PutLogEvents plus one PutEvents, sent one after the other,
 * against the same endpoint in the same run. Both measured interleaved, event by event.
 */
const runHandlerLatency = async (): Promise<BenchLine[]> => {
  const endpoint = await LocalAwsEndpoint.start();
  endpoint.logs.createLogGroup({ logGroupName: '/rootwatch/records' });
  endpoint.logs.createLogStream({ logGroupName: '/rootwatch/records', logStreamName: 'bare' });
  endpoint.events.buses.add('rootwatch-alerts');
  const env = localAwsEnv(endpoint.url, {
    ROOTWATCH_LOG_GROUP: '/rootwatch/records',
    ROOTWATCH_ALERT_BUS: 'rootwatch-alerts',
  });
  // The SDK reads region and endpoint from the environment, lazily: set it for the whole run.
  const saved = { ...process.env };
  Object.assign(process.env, env);
  const handler = makeHandler(await buildAwsDeps(process.env, { logger: createLogger({ level: 'silent' }) }));
  const clients = localClients(endpoint.url);
  const event = JSON.parse(
    readFileSync(
      new URL('../events/sign-in/root-console-login-eventbridge-2016.json', import.meta.url),
      'utf8',
    ),
  ) as Record<string, unknown>;

  const handled: number[] = [];
  const bare: number[] = [];
  for (let index = 0; index < EVENTS + 100; index += 1) {
    const copy = structuredClone(event);
    (copy.detail as Record<string, unknown>).eventID = `latency-${index}`;
    let started = performance.now();
    await handler(copy);
    const handlerMs = performance.now() - started;
    started = performance.now();
    await bareRoundTrips(clients);
    const bareMs = performance.now() - started;
    if (index >= 100) {
      handled.push(handlerMs);
      bare.push(bareMs);
    }
  }
  await endpoint.stop();
  process.env = saved;

  const lines = latencyLines(
    { name: 'handler latency', values: handled },
    { name: 'bare round trips', values: bare },
    2,
  );
  printTable(
    `handler latency per event (${EVENTS.toLocaleString('en-US')} events after 100 warm-up, local endpoint, real SDK clients)`,
    lines,
  );
  return lines;
};

export { runHandlerLatency };
