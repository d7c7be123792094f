import { CreateLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CloudWatchLogsFindingReader } from '../../adapters/cloudwatch-logs-finding-reader.ts';
import { LocalAwsEndpoint } from '../aws-endpoint/local-aws-endpoint.ts';
import { FAST_RETRY, localClients } from '../helpers/aws-clients.ts';
import { onlyFinding } from '../helpers/sample-findings.ts';

const GROUP = '/rootwatch/records';
/** The endpoint's clock, and the first record two hours before it. */
const NOW = Date.parse('2026-11-29T12:00:00Z');
const T0 = NOW - 2 * 3_600_000;
let endpoint: LocalAwsEndpoint;
let clients: ReturnType<typeof localClients>;

beforeEach(async () => {
  endpoint = await LocalAwsEndpoint.start();
  endpoint.logs.now = () => NOW;
  clients = localClients(endpoint.url);
  endpoint.logs.createLogGroup({ logGroupName: GROUP });
  await clients.logs.send(new CreateLogStreamCommand({ logGroupName: GROUP, logStreamName: 'live' }));
  const { finding } = await onlyFinding('sign-in/root-console-login-without-mfa.json');
  const records = [
    { kind: 'finding', finding: { ...finding, eventId: 'too-early' } },
    { kind: 'finding', finding: { ...finding, eventId: 'e1' } },
    { kind: 'ignored', reason: 'aws-service-event', eventId: 'not-a-finding' },
    { kind: 'heartbeat', time: new Date(T0).toISOString(), finding: { ...finding, eventId: 'heartbeat' } },
    { kind: 'finding', finding: { ...finding, eventId: 'e2', sharedEventId: 's2' } },
    { kind: 'finding', finding: { eventId: 'from-an-older-version' } },
  ];
  await clients.logs.send(
    new PutLogEventsCommand({
      logGroupName: GROUP,
      logStreamName: 'live',
      logEvents: [
        ...records.map((record, index) => ({
          timestamp: T0 + index * 60_000,
          message: JSON.stringify(record),
        })),
        { timestamp: T0 + records.length * 60_000, message: 'not JSON' },
      ],
    }),
  );
});
afterEach(() => endpoint.stop());

const reader = () =>
  new CloudWatchLogsFindingReader({ client: clients.logs, logGroupName: GROUP, retry: FAST_RETRY });

describe('Reader: the findings the live path recorded (FilterLogEvents, local endpoint)', () => {
  it('reads the event ids of finding records logged in the span, and only those', async () => {
    // Act
    const recorded = await reader().recorded({ from: T0 + 60_000, to: T0 + 24 * 3_600_000 });

    // Assess
    expect(recorded).toStrictEqual({
      eventIds: new Set(['e1', 'e2', 'from-an-older-version']),
      sharedEventIds: new Set(['s2']),
      records: 3,
      requests: 1,
    });
  });

  it('pages through partial and empty pages, and retries throttling and unavailability', async () => {
    // Prepare
    endpoint.logs.filterScanEvents = 2;
    endpoint.queueFaults('FilterLogEvents', 'throttle', 'unavailable', 'server-error');

    // Act
    const recorded = await reader().recorded({ from: T0, to: T0 + 24 * 3_600_000 });

    // Assess
    expect(recorded).toMatchObject({ records: 4, requests: 4 });
    expect(
      endpoint.requests
        .filter((request) => request.operation === 'FilterLogEvents')
        .map((request) => request.status),
    ).toStrictEqual([400, 503, 500, 200, 200, 200, 200]);
  });

  it('fails when the log group cannot be read, rather than report that nothing was recorded', async () => {
    // Prepare
    const missing = new CloudWatchLogsFindingReader({
      client: clients.logs,
      logGroupName: '/rootwatch/nope',
      retry: FAST_RETRY,
    });

    // Act
    const reading = missing.recorded({ from: T0, to: T0 + 1 });

    // Assess
    await expect(reading).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});
