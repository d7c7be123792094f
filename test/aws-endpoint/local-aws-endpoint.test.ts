import {
  CreateLogStreamCommand,
  GetLogEventsCommand,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localClients } from '../helpers/aws-clients.ts';
import { LocalAwsEndpoint } from './local-aws-endpoint.ts';

let endpoint: LocalAwsEndpoint;
let clients: ReturnType<typeof localClients>;
const group = '/rootwatch/records';
/** The endpoint's clock: its time-window checks are judged against it, never today's date. */
const NOW = Date.parse('2026-11-29T12:00:00Z');

beforeAll(async () => {
  endpoint = await LocalAwsEndpoint.start();
  endpoint.logs.now = () => NOW;
  clients = localClients(endpoint.url);
  endpoint.logs.createLogGroup({ logGroupName: group });
  await clients.logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: 's1' }));
});
afterAll(() => endpoint.stop());

const put = (logEvents: { timestamp: number; message: string }[], logStreamName = 's1') =>
  clients.logs.send(new PutLogEventsCommand({ logGroupName: group, logStreamName, logEvents }));

describe('Local endpoint: CloudWatch Logs protocol', () => {
  it('stores events and reads them back with the real SDK', async () => {
    // Act
    await put([{ timestamp: NOW, message: 'one' }]);
    const read = await clients.logs.send(
      new GetLogEventsCommand({ logGroupName: group, logStreamName: 's1' }),
    );

    // Assess
    expect(read.events?.map((event) => event.message)).toStrictEqual(['one']);
  });

  it.each([
    {
      scenario: 'an unknown stream',
      call: () => put([{ timestamp: NOW, message: 'x' }], 'nope'),
      name: 'ResourceNotFoundException',
    },
    {
      scenario: 'events out of order',
      call: () =>
        put([
          { timestamp: NOW, message: 'b' },
          { timestamp: NOW - 1000, message: 'a' },
        ]),
      name: 'InvalidParameterException',
    },
    {
      scenario: 'a batch over 1 MB',
      call: () => put(Array.from({ length: 3 }, () => ({ timestamp: NOW, message: 'x'.repeat(400_000) }))),
      name: 'InvalidParameterException',
    },
    {
      scenario: 'a batch spanning more than 24 hours',
      call: () =>
        put([
          { timestamp: NOW - 25 * 3_600_000, message: 'a' },
          { timestamp: NOW, message: 'b' },
        ]),
      name: 'InvalidParameterException',
    },
    {
      scenario: 'a stream name with a colon',
      call: () =>
        clients.logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: 'a:b' })),
      name: 'InvalidParameterException',
    },
    {
      scenario: 'an existing stream',
      call: () => clients.logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: 's1' })),
      name: 'ResourceAlreadyExistsException',
    },
  ])('refuses $scenario like the service', async ({ call, name }) => {
    await expect(call()).rejects.toMatchObject({ name });
  });

  it.each([
    {
      scenario: 'too new',
      offsets: [0, 3 * 3_600_000],
      rejected: { tooNewLogEventStartIndex: 1 },
      stored: ['0'],
    },
    {
      scenario: 'too old',
      offsets: [-15 * 86_400_000, -15 * 86_400_000 + 1],
      rejected: { tooOldLogEventEndIndex: 1 },
      stored: [],
    },
  ])('rejects $scenario events individually and stores the rest', async ({ offsets, rejected, stored }) => {
    // Prepare
    const now = NOW;
    await clients.logs.send(
      new CreateLogStreamCommand({ logGroupName: group, logStreamName: `rejects-${offsets[1]}` }),
    );

    // Act
    const response = await put(
      offsets.map((offset, index) => ({ timestamp: now + offset, message: String(index) })),
      `rejects-${offsets[1]}`,
    );
    const read = await clients.logs.send(
      new GetLogEventsCommand({ logGroupName: group, logStreamName: `rejects-${offsets[1]}` }),
    );

    // Assess
    expect(response.rejectedLogEventsInfo).toStrictEqual(rejected);
    expect(read.events?.map((event) => event.message)).toStrictEqual(stored);
  });
});

describe('Local endpoint: EventBridge PutEvents protocol', () => {
  it('stores valid entries and fails the others one by one', async () => {
    // Act
    const response = await clients.events.send(
      new PutEventsCommand({
        Entries: [
          { Source: 'rootwatch', DetailType: 'Root Activity Finding', Detail: '{"eventId":"e1"}' },
          { Source: 'aws.signin', DetailType: 'AWS Console Sign In via CloudTrail', Detail: '{}' },
          { Source: 'rootwatch', DetailType: 'Root Activity Finding', Detail: '[1]' },
          { Source: 'rootwatch', DetailType: 'x', Detail: '{}', EventBusName: 'missing-bus' },
        ],
      }),
    );

    // Assess
    expect(response.FailedEntryCount).toBe(3);
    expect(response.Entries?.map((entry) => entry.ErrorCode ?? 'stored')).toStrictEqual([
      'stored',
      'NotAuthorizedForSourceException',
      'MalformedDetail',
      'ResourceNotFoundException',
    ]);
    expect(endpoint.events.received.map((event) => event.detail)).toStrictEqual([{ eventId: 'e1' }]);
  });

  it('refuses more than 10 entries', async () => {
    const entries = Array.from({ length: 11 }, () => ({
      Source: 'rootwatch',
      DetailType: 'x',
      Detail: '{}',
    }));
    await expect(clients.events.send(new PutEventsCommand({ Entries: entries }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
  });

  it('answers injected faults with the status and type the SDK classifies', async () => {
    // Prepare
    endpoint.queueFaults('PutEvents', 'throttle', 'server-error');
    const send = () =>
      clients.events.send(
        new PutEventsCommand({ Entries: [{ Source: 'rootwatch', DetailType: 'x', Detail: '{}' }] }),
      );

    // Assess
    await expect(send()).rejects.toMatchObject({
      name: 'ThrottlingException',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(send()).rejects.toMatchObject({ $metadata: { httpStatusCode: 500 } });
    await expect(send()).resolves.toMatchObject({ FailedEntryCount: 0 });
  });

  it('refuses unsigned requests', async () => {
    // Act
    const response = await fetch(endpoint.url, {
      method: 'POST',
      headers: { 'x-amz-target': 'AWSEvents.PutEvents' },
      body: '{}',
    });

    // Assess
    expect(response.status).toBe(403);
  });
});
