import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { gzipSync } from 'node:zlib';
import { dayFolders, deliveredAt } from '../../scan/delivery-time.ts';
import { trailWindowSource } from '../../adapters/trail-window-source.ts';
import type { TrailWindowOptions } from '../../adapters/trail-window-source.ts';
import { walkObjects } from '../../scan/sources/walk.ts';
import type { LocalS3 } from '../helpers/s3-server.ts';
import { fillBucket, startLocalS3 } from '../helpers/s3-server.ts';

const BUCKET = 'org-trail-window';
const ORG = 'AWSLogs/o-a1b2c3d4e5';
const A = '111122223333';
const B = '444455556666';
const logFile = gzipSync(JSON.stringify({ Records: [] }));
/** `AWSLogs/o-…/<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_<stamp>_<unique>.json.gz`. */
const key = (account: string, region: string, stamp: string, folder = 'CloudTrail') =>
  `${ORG}/${account}/${folder}/${region}/${stamp.slice(0, 4)}/${stamp.slice(4, 6)}/${stamp.slice(6, 8)}/` +
  `${account}_${folder}_${region}_${stamp}Z_Mu0KsOhtH1ar15ZZ.json.gz`;

/** The run of 2026-05-02 with a day's window: delivered from 05-01 23:45 to 05-03 01:00. */
const RANGE = { from: Date.parse('2026-05-01T23:45:00Z'), to: Date.parse('2026-05-03T01:00:00Z') };
const IN_RANGE = [
  key(A, 'eu-west-1', '20260502T1200'),
  key(A, 'us-east-1', '20260501T2350'),
  key(A, 'us-east-1', '20260502T1000'),
  key(A, 'us-east-1', '20260503T0100'),
  `${ORG}/${A}/CloudTrail/us-east-1/2026/05/02/exported-without-a-time.json.gz`,
  key(B, 'us-east-1', '20260502T0500'),
];
const OUT_OF_RANGE = [
  key(A, 'us-east-1', '20260401T1000'),
  key(A, 'us-east-1', '20260501T2300'),
  key(A, 'us-east-1', '20260503T0105'),
  key(B, 'us-east-1', '20260502T0500', 'CloudTrail-Digest'),
  `other/AWSLogs/${A}/CloudTrail/us-east-1/2026/05/02/${A}_CloudTrail_us-east-1_20260502T0500Z_x.json.gz`,
];
let s3: LocalS3;

beforeAll(async () => {
  s3 = await startLocalS3();
  await fillBucket(
    s3,
    BUCKET,
    [...IN_RANGE, ...OUT_OF_RANGE].map((name) => [name, logFile] as const),
  );
}, 60_000);
afterAll(async () => {
  vi.restoreAllMocks();
  await s3?.stop();
});

/** The keys the walk of the scan core gets from the source, and what it asked S3 to list. */
const walk = async (root: string, options: Partial<TrailWindowOptions> = {}) => {
  const send = vi.spyOn(s3.client, 'send');
  try {
    const source = await trailWindowSource({ client: s3.client, bucket: BUCKET, ...RANGE, ...options });
    const keys: string[] = [];
    for await (const object of walkObjects(source, root)) keys.push(object.key);
    const listed = send.mock.calls
      .map(([command]) => command)
      .filter((command) => command instanceof ListObjectsV2Command)
      .map((command) => command.input);
    return { keys: keys.sort(), listed, listing: source.listing };
  } finally {
    send.mockRestore();
  }
};

describe('Source: a trail bucket narrowed to a delivery window (against a local S3 server)', () => {
  it.each([
    { root: ORG, scenario: 'an organisation trail prefix' },
    { root: 'AWSLogs', scenario: 'the AWSLogs folder above it' },
    { root: '', scenario: 'the whole bucket' },
  ])('from $scenario, hands out exactly the objects delivered in the window', async ({ root }) => {
    // Act
    const { keys, listing } = await walk(root);

    // Assess
    expect(keys).toStrictEqual([...IN_RANGE].sort());
    expect(listing).toStrictEqual({ accounts: 2, regionFolders: 3, failures: [], stopped: false });
  });

  it('lists only the date folders of the window, never an account’s other days', async () => {
    // Act
    const { listed } = await walk(ORG);

    // Assess
    const dayListings = listed
      .map((input) => input.Prefix ?? '')
      .filter((prefix) => /\/\d{4}\/\d{2}\/\d{2}\/$/.test(prefix));
    expect(dayListings.map((prefix) => prefix.slice(ORG.length + 1)).sort()).toStrictEqual(
      [A, B].flatMap((account) =>
        (account === A ? ['eu-west-1', 'us-east-1'] : ['us-east-1']).flatMap((region) =>
          ['2026/05/01', '2026/05/02', '2026/05/03'].map((day) => `${account}/CloudTrail/${region}/${day}/`),
        ),
      ),
    );
  });

  it('stops handing out objects when told to, and says so', async () => {
    // Prepare
    let handedOut = 0;

    // Act
    const { keys, listing } = await walk(ORG, { stop: () => handedOut++ >= 3 });

    // Assess
    expect(keys.length).toBeLessThan(IN_RANGE.length);
    expect(listing.stopped).toBe(true);
  });

  it('notes an account whose listing fails and lists the others', async () => {
    // Prepare
    const denied = Object.assign(new Error('Access Denied'), { name: 'AccessDenied' });

    const original = s3.client.send.bind(s3.client);
    const send = vi
      .spyOn(s3.client, 'send')
      .mockImplementation(((command: ListObjectsV2Command) =>
        command.input.Prefix?.startsWith(`${ORG}/${B}/`)
          ? Promise.reject(denied)
          : original(command)) as typeof s3.client.send);

    // Act
    const result = await walk(ORG).finally(() => send.mockRestore());

    // Assess
    expect(result.keys.every((name) => name.startsWith(`${ORG}/${A}/`))).toBe(true);
    expect(result.listing.failures).toStrictEqual([{ prefix: `${ORG}/${B}/`, reason: 'Access Denied' }]);
  });
});

describe('Delivery time of a CloudTrail object', () => {
  it.each([
    { name: key(A, 'us-east-2', '20150801T0210'), expected: '2015-08-01T02:10:00.000Z' },
    {
      name: `${A}_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz`,
      expected: '2015-08-01T02:10:00.000Z',
    },
    { name: 'export/part-0001.json.gz', expected: undefined },
  ])('reads $expected from $name', ({ name, expected }) => {
    // Act
    const at = deliveredAt(name);

    // Assess
    expect(at === undefined ? undefined : new Date(at).toISOString()).toBe(expected);
  });

  it('names the date folders from the first day to the last, across a month', () => {
    // Act
    const days = dayFolders(Date.parse('2026-04-30T23:45:00Z'), Date.parse('2026-05-02T00:00:00Z'));

    // Assess
    expect(days).toStrictEqual(['2026/04/30', '2026/05/01', '2026/05/02']);
  });
});
