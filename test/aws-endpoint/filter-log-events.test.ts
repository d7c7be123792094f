import {
  CreateLogStreamCommand,
  FilterLogEventsCommand,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import type { FilterLogEventsCommandInput } from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localClients } from '../helpers/aws-clients.ts';
import { LocalAwsEndpoint } from './local-aws-endpoint.ts';

let endpoint: LocalAwsEndpoint;
let clients: ReturnType<typeof localClients>;
const group = '/rootwatch/records';
/** The endpoint's clock, and the first event an hour before it. */
const NOW = Date.parse('2026-11-29T12:00:00Z');
const T0 = NOW - 3_600_000;

beforeAll(async () => {
  endpoint = await LocalAwsEndpoint.start();
  endpoint.logs.now = () => NOW;
  clients = localClients(endpoint.url);
  endpoint.logs.createLogGroup({ logGroupName: group });
  for (const stream of ['a', 'b']) {
    await clients.logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: stream }));
  }
  // Stream a: findings at T0 + 0, 2, 4 s; stream b: an ignored event and a finding at T0 + 1, 3 s.
  const entry = (kind: string, eventId: string) => JSON.stringify({ kind, finding: { eventId } });
  await clients.logs.send(
    new PutLogEventsCommand({
      logGroupName: group,
      logStreamName: 'a',
      logEvents: [0, 2, 4].map((second) => ({
        timestamp: T0 + second * 1000,
        message: entry('finding', `a${second}`),
      })),
    }),
  );
  await clients.logs.send(
    new PutLogEventsCommand({
      logGroupName: group,
      logStreamName: 'b',
      logEvents: [
        { timestamp: T0 + 1000, message: JSON.stringify({ kind: 'ignored', reason: 'not-root-activity' }) },
        { timestamp: T0 + 3000, message: entry('finding', 'b3') },
      ],
    }),
  );
});
afterAll(() => endpoint.stop());

const filter = (input: Omit<FilterLogEventsCommandInput, 'logGroupName'> & { logGroupName?: string }) =>
  clients.logs.send(new FilterLogEventsCommand({ logGroupName: group, ...input }));

/** Every page until no `nextToken`, as a client must read. */
const allPages = async (input: Omit<FilterLogEventsCommandInput, 'logGroupName'>) => {
  const pages: string[][] = [];
  let nextToken: string | undefined;
  do {
    const page = await filter({ ...input, ...(nextToken && { nextToken }) });
    pages.push((page.events ?? []).map((event) => JSON.parse(event.message!).finding?.eventId ?? 'ignored'));
    nextToken = page.nextToken;
  } while (nextToken);
  return pages;
};

describe('Local endpoint: CloudWatch Logs FilterLogEvents', () => {
  it('returns the events of every stream that match a JSON pattern, by timestamp, within the times given', async () => {
    // Act
    const pages = await allPages({
      filterPattern: '{ $.kind = "finding" }',
      startTime: T0 + 1000,
      endTime: T0 + 3000,
    });

    // Assess
    expect(pages).toStrictEqual([['a2', 'b3']]);
  });

  it('answers partial and empty pages with a nextToken while stored events remain to be examined', async () => {
    // Prepare
    endpoint.logs.filterScanEvents = 2;

    // Act
    const pages = await allPages({ filterPattern: '{ $.kind = "finding" }' });
    endpoint.logs.filterScanEvents = 10_000;

    // Assess
    expect(pages).toStrictEqual([['a0'], ['a2', 'b3'], ['a4']]);
  });

  it('matches && and || of equalities, and strings with wildcards', async () => {
    // Act
    const both = await allPages({ filterPattern: '{ $.kind = "finding" && $.finding.eventId = "a*" }' });
    const either = await allPages({
      filterPattern: '{ $.finding.eventId = "b3" || $.reason = "not-root-activity" }',
    });

    // Assess
    expect({ both, either }).toStrictEqual({ both: [['a0', 'a2', 'a4']], either: [['ignored', 'b3']] });
  });

  it.each([
    { scenario: 'no log group', input: { logGroupName: undefined }, name: 'InvalidParameterException' },
    {
      scenario: 'both log group name and identifier',
      input: { logGroupIdentifier: group },
      name: 'InvalidParameterException',
    },
    { scenario: 'an unknown log group', input: { logGroupName: '/nope' }, name: 'ResourceNotFoundException' },
    {
      scenario: 'a pattern it cannot read',
      input: { filterPattern: '{ $.kind ~ 1 }' },
      name: 'InvalidParameterException',
    },
    {
      scenario: 'a pattern over 1,024 characters',
      input: { filterPattern: `{ $.kind = "${'x'.repeat(1024)}" }` },
      name: 'InvalidParameterException',
    },
    { scenario: 'a limit over 10,000', input: { limit: 10_001 }, name: 'InvalidParameterException' },
    {
      scenario: 'a token it did not give',
      input: { nextToken: 'forged' },
      name: 'InvalidParameterException',
    },
    {
      scenario: 'stream names and a stream prefix together',
      input: { logStreamNames: ['a'], logStreamNamePrefix: 'a' },
      name: 'InvalidParameterException',
    },
  ])('refuses $scenario like the service', async ({ input, name }) => {
    await expect(filter(input)).rejects.toMatchObject({ name });
  });
});
