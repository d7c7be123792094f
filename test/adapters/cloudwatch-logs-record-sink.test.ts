import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecordEntry } from '../../schemas/record-entry.ts';
import { CloudWatchLogsRecordSink, rejectedIndexes } from '../../adapters/cloudwatch-logs-record-sink.ts';
import { LocalAwsEndpoint } from '../aws-endpoint/local-aws-endpoint.ts';
import { FAST_RETRY, localClients } from '../helpers/aws-clients.ts';

const GROUP = '/rootwatch/records';
/** The clock of the endpoint and of the sinks (unless a test skews a sink's). */
const NOW = Date.parse('2026-11-29T12:00:00Z');
let endpoint: LocalAwsEndpoint;

beforeEach(async () => {
  endpoint = await LocalAwsEndpoint.start();
  endpoint.logs.now = () => NOW;
  endpoint.logs.createLogGroup({ logGroupName: GROUP });
});
afterEach(() => endpoint.stop());

const sink = (options: Partial<ConstructorParameters<typeof CloudWatchLogsRecordSink>[0]> = {}) =>
  new CloudWatchLogsRecordSink({
    client: localClients(endpoint.url).logs,
    logGroupName: GROUP,
    logStreamName: 'rootwatch/2026-11-29/container-1',
    retry: FAST_RETRY,
    now: () => NOW,
    ...options,
  });
const ignored = (eventId: string): RecordEntry => ({ kind: 'ignored', reason: 'not-root-activity', eventId });

describe('Sink: CloudWatch Logs records', () => {
  it('creates its stream once and writes one JSON log event per entry', async () => {
    // Prepare
    const records = sink();

    // Act
    await records.write([ignored('a'), ignored('b')]);
    await records.write([ignored('c')]);

    // Assess
    expect(endpoint.logs.messages(GROUP).map((message) => JSON.parse(message).eventId)).toStrictEqual([
      'a',
      'b',
      'c',
    ]);
    expect(endpoint.requests.filter((request) => request.operation === 'CreateLogStream')).toHaveLength(1);
  });

  it('retries throttling and server errors, storing each entry once', async () => {
    // Prepare
    endpoint.queueFaults('PutLogEvents', 'throttle', 'server-error', 'unavailable');

    // Act
    await sink().write([ignored('a')]);

    // Assess
    expect(endpoint.logs.messages(GROUP)).toHaveLength(1);
    expect(
      endpoint.requests
        .filter((request) => request.operation === 'PutLogEvents')
        .map((request) => request.status),
    ).toStrictEqual([400, 500, 503, 200]);
  });

  it('creates the stream again when it was deleted', async () => {
    // Prepare
    const records = sink();
    await records.write([ignored('a')]);
    endpoint.logs.groups.get(GROUP)!.streams.clear();

    // Act
    await records.write([ignored('b')]);

    // Assess
    expect(endpoint.logs.messages(GROUP).map((message) => JSON.parse(message).eventId)).toStrictEqual(['b']);
  });

  it('sends rejected events again with a fresh time, and fails when the clock stays wrong', async () => {
    // Prepare: the sink's clock is three hours ahead, then right.
    const clock = [NOW + 3 * 3_600_000, NOW];
    const recovering = sink({ now: () => clock.shift() ?? NOW });
    const skewed = sink({ now: () => NOW + 3 * 3_600_000, logStreamName: 'skewed' });

    // Act
    await recovering.write([ignored('late')]);
    const failing = skewed.write([ignored('never')]);

    // Assess
    expect(endpoint.logs.messages(GROUP).map((message) => JSON.parse(message).eventId)).toStrictEqual([
      'late',
    ]);
    await expect(failing).rejects.toMatchObject({ name: 'RejectedLogEventsError' });
  });

  it('fails when the log group does not exist (a final error)', async () => {
    await expect(sink({ logGroupName: '/missing' }).write([ignored('a')])).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  it.each([
    { info: { tooOldLogEventEndIndex: 1 }, count: 4, rejected: [0, 1] },
    { info: { tooNewLogEventStartIndex: 2 }, count: 4, rejected: [2, 3] },
    { info: { expiredLogEventEndIndex: 0, tooNewLogEventStartIndex: 3 }, count: 4, rejected: [0, 3] },
    { info: undefined, count: 4, rejected: [] },
  ])('reads rejectedLogEventsInfo $info as indexes $rejected', ({ info, count, rejected }) => {
    expect(rejectedIndexes(info, count)).toStrictEqual(rejected);
  });
});
