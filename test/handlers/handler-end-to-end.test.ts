import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Detector } from '../../detection/detector.ts';
import { buildAwsDeps, CLIENT_CONFIG } from '../../handlers/root-activity/aws-deps.ts';
import { makeHandler } from '../../handlers/root-activity/make-handler.ts';
import { RecordEntrySchema } from '../../schemas/record-entry.ts';
import type { RecordEntry } from '../../schemas/record-entry.ts';
import { CloudWatchLogsRecordSink } from '../../adapters/cloudwatch-logs-record-sink.ts';
import { EventBridgeAlertSink } from '../../adapters/eventbridge-alert-sink.ts';
import type { FaultInjection } from '../aws-endpoint/local-aws-endpoint.ts';
import { LocalAwsEndpoint } from '../aws-endpoint/local-aws-endpoint.ts';
import { FAST_RETRY, localAwsEnv, TEST_REGION } from '../helpers/aws-clients.ts';
import { deliveredSamples, recordKindOf } from '../helpers/delivered-samples.ts';
import { memoryLogger } from '../helpers/fake-sinks.ts';

const GROUP = '/rootwatch/records';
const BUS = 'rootwatch-alerts';
let endpoint: LocalAwsEndpoint;

beforeEach(async () => {
  endpoint = await LocalAwsEndpoint.start();
  endpoint.logs.createLogGroup({ logGroupName: GROUP });
  endpoint.events.buses.add(BUS);
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await endpoint.stop();
});

const storedRecords = (): RecordEntry[] =>
  endpoint.logs.messages(GROUP).map((message) => RecordEntrySchema.parse(JSON.parse(message)));
const eventIdOf = (entry: RecordEntry): string | undefined =>
  entry.kind === 'finding' ? entry.finding.eventId : entry.kind === 'ignored' ? entry.eventId : undefined;

describe('Handler end to end: real SDK clients against the local AWS endpoint', () => {
  it('records and alerts every sample the rule delivers, configured from the environment', async () => {
    // Prepare
    for (const [name, value] of Object.entries(
      localAwsEnv(endpoint.url, { ROOTWATCH_ALERT_BUS: BUS, ROOTWATCH_LOG_GROUP: GROUP }),
    )) {
      vi.stubEnv(name, value);
    }
    const handler = makeHandler(
      await buildAwsDeps(process.env, { logger: memoryLogger().logger, retry: FAST_RETRY }),
    );
    const samples = await deliveredSamples();

    // Act
    for (const [index, sample] of samples.entries())
      await handler(sample.event, { awsRequestId: `req-${index}` });

    // Assess
    const expectedKinds = samples.map(({ expected }) => recordKindOf(expected));
    const findings = samples.filter(
      ({ expected }) => 'finding' in expected && expected.finding.severity !== 'info',
    );
    expect(storedRecords().map((entry) => entry.kind)).toStrictEqual(expectedKinds);
    expect(endpoint.events.received.map((event) => event.detail.eventId)).toStrictEqual(
      findings.map(({ event }) => (event.detail as { eventID: string }).eventID),
    );
    expect(samples.length).toBeGreaterThan(40);
  });
});

/** A container: its own stream and clients, as Lambda runs several at once. */
const container = (index: number, requestTimeout: number) => {
  const config = {
    ...CLIENT_CONFIG,
    // As production's (CLIENT_CONFIG): a request timeout that throws, here shorter.
    requestHandler: { ...CLIENT_CONFIG.requestHandler, requestTimeout },
    endpoint: endpoint.url,
    region: TEST_REGION,
    credentials: { accessKeyId: 'AKIDLOCALTEST', secretAccessKey: 'x' },
  };
  return makeHandler({
    detector: new Detector(),
    records: new CloudWatchLogsRecordSink({
      client: new CloudWatchLogsClient(config),
      logGroupName: GROUP,
      logStreamName: `container-${index}`,
      retry: FAST_RETRY,
    }),
    alerts: new EventBridgeAlertSink({
      client: new EventBridgeClient(config),
      eventBusName: BUS,
      retry: FAST_RETRY,
    }),
    logger: memoryLogger().logger,
    alertMinSeverity: 'low',
  });
};

/** 1,000 root events with distinct ids, from the root samples the rule delivers. */
const burst = async (count: number): Promise<Record<string, unknown>[]> => {
  const roots = (await deliveredSamples()).filter(
    ({ expected }) => 'finding' in expected && expected.finding.severity !== 'info',
  );
  return Array.from({ length: count }, (_, index) => {
    const event = structuredClone(roots[index % roots.length]!.event);
    (event.detail as Record<string, unknown>).eventID = `burst-${index}`;
    return event;
  });
};

/**
 * Delivers every event as Lambda's asynchronous invocation does: 4 containers, 8 events in flight
 * each, and up to two retries of an invocation that fails. Returns the invocations that failed for good.
 */
const deliverAll = async (events: Record<string, unknown>[], requestTimeout: number): Promise<number> => {
  const handlers = Array.from({ length: 4 }, (_, index) => container(index, requestTimeout));
  let failed = 0;
  let next = 0;
  const worker = async (handler: ReturnType<typeof container>) => {
    while (next < events.length) {
      const event = events[next++]!;
      let attempts = 0;
      for (;;) {
        try {
          await handler(event);
          break;
        } catch {
          attempts += 1;
          if (attempts > 2) {
            failed += 1;
            break;
          }
        }
      }
    }
  };
  await Promise.all(handlers.flatMap((handler) => Array.from({ length: 8 }, () => worker(handler))));
  return failed;
};

const countBy = (ids: (string | undefined)[]) =>
  ids.reduce(
    (counts, id) => counts.set(id, (counts.get(id) ?? 0) + 1),
    new Map<string | undefined, number>(),
  );

describe('Handler under faults: 1,000 events', () => {
  it('delivers every finding exactly once as a record and once as an alert when faults strike before storing', async () => {
    // Prepare
    const events = await burst(1_000);
    const injection: FaultInjection = {
      rates: { throttle: 0.1, 'server-error': 0.05, unavailable: 0.05, partial: 0.1, slow: 0.02 },
      seed: 7,
      delayMs: 20,
    };
    endpoint.injectFaults(injection);

    // Act (a request timeout far above any answer: with timeouts that throw, a request cut short on a
    // loaded machine after the server stored it would be a true duplicate, which is the next test's case)
    const failed = await deliverAll(events, 10_000);

    // Assess
    const recorded = countBy(storedRecords().map(eventIdOf));
    const alerted = countBy(endpoint.events.received.map((event) => event.detail.eventId as string));
    expect(failed).toBe(0);
    expect(recorded.size).toBe(1_000);
    expect(alerted.size).toBe(1_000);
    expect([...recorded.values(), ...alerted.values()].every((count) => count === 1)).toBe(true);
    expect(endpoint.requests.filter((request) => request.fault).length).toBeGreaterThan(300);
  }, 60_000);

  it('delivers every finding at least once when answers are lost after storing, duplicates carrying the same eventId', async () => {
    // Prepare
    const events = await burst(1_000);
    endpoint.injectFaults({
      rates: { 'lost-answer': 0.05, timeout: 0.02, throttle: 0.05 },
      seed: 11,
      delayMs: 2_000,
    });

    // Act (a `timeout` answers after 2 s, twice the client's timeout: every one is cut short, and a
    // loaded machine's slow answers are not)
    const failed = await deliverAll(events, 1_000);

    // Assess
    const records = storedRecords();
    const recorded = countBy(records.map(eventIdOf));
    const alerted = countBy(endpoint.events.received.map((event) => event.detail.eventId as string));
    expect(failed).toBe(0);
    expect(recorded.size).toBe(1_000);
    expect(alerted.size).toBe(1_000);
    expect([...recorded.values(), ...alerted.values()].some((count) => count > 1)).toBe(true);
    const byId = new Map<string, string>();
    for (const entry of records) {
      if (entry.kind !== 'finding') continue;
      const text = JSON.stringify(entry.finding);
      expect(byId.get(entry.finding.eventId) ?? text).toBe(text);
      byId.set(entry.finding.eventId, text);
    }
  }, 60_000);
});
