import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/main.ts';
import * as dynamoDbSdk from '@aws-sdk/client-dynamodb';
import { DynamoDbLivenessStore } from '../../adapters/dynamodb-liveness-store.ts';
import { CoverageReportSchema } from '../../schemas/coverage-report.ts';
import type { LivenessHeard } from '../../schemas/liveness-record.ts';
import { LocalAwsEndpoint } from '../aws-endpoint/local-aws-endpoint.ts';
import type { LocalTrail } from '../aws-endpoint/cloudtrail-service.ts';
import { localAwsEnv } from '../helpers/aws-clients.ts';
import { createTable, startDynalite } from '../helpers/dynalite.ts';

const SECURITY = '111122223333';
const MEMBER = '444455556666';
const MANAGEMENT = '999988887777';
const AS_OF = '2026-11-29T12:00:00.000Z';
const TABLE = 'rootwatch-liveness';

const heard = (account: string, region: string, heardAt: string): LivenessHeard => ({
  kind: 'liveness',
  account,
  region,
  heardAt,
  scheduledTime: heardAt,
  schedule: `arn:aws:scheduler:${region}:${account}:schedule/default/RootwatchForwarder-Liveness`,
});

const ORGANISATION_TRAIL: LocalTrail = {
  name: 'organisation-trail',
  account: MANAGEMENT,
  homeRegion: 'us-east-1',
  multiRegion: true,
  organization: true,
  logging: true,
};

const run = async (...argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
};
const runJson = async (...argv: string[]) => {
  const { code, out, err } = await run('coverage', '--table', TABLE, '--as-of', AS_OF, '--json', ...argv);
  return { code, err, report: CoverageReportSchema.parse(JSON.parse(out)) };
};
const statusOf = (report: ReturnType<typeof CoverageReportSchema.parse>) =>
  report.places.map(
    (place) =>
      `${place.account} ${place.region} ${place.liveness} ${place.trail} ${place.covered ? 'covered' : 'gap'}`,
  );

describe('CLI: rootwatch coverage, against DynamoDB (dynalite) and the local CloudTrail and Account endpoint', () => {
  let endpoint: LocalAwsEndpoint;
  let dynamo: Awaited<ReturnType<typeof startDynalite>>;

  beforeAll(async () => {
    endpoint = await LocalAwsEndpoint.start();
    dynamo = await startDynalite();
  });
  afterAll(async () => {
    await endpoint.stop();
    await dynamo.stop();
  });

  beforeEach(async () => {
    // Prepare: a fresh table, written by the detector's own adapter; the endpoint's trails cleared
    await createTable(dynamo.client, TABLE).catch(() => undefined);
    endpoint.cloudtrail.trails.length = 0;
    endpoint.cloudtrail.denied.clear();
    const env = localAwsEnv(endpoint.url, { AWS_ENDPOINT_URL_DYNAMODB: dynamo.url });
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await dynamo.client.send(new dynamoDbSdk.DeleteTableCommand({ TableName: TABLE }));
  });

  // The detector's own adapter writes the table, as the Lambda does.
  const store = () =>
    new DynamoDbLivenessStore({ sdk: dynamoDbSdk, client: dynamo.client, tableName: TABLE });

  it('reports every place heard, live or silent, with the organisation trail, and exits 1 on a gap', async () => {
    // Prepare
    endpoint.cloudtrail.trails.push(ORGANISATION_TRAIL);
    await store().heard(heard(SECURITY, 'us-east-1', '2026-11-29T11:30:00Z'));
    await store().heard(heard(MEMBER, 'eu-west-1', '2026-11-29T11:10:00Z'));
    await store().heard(heard(MEMBER, 'us-east-1', '2026-11-29T07:00:00Z'));

    // Act
    const { code, report } = await runJson();

    // Assess
    expect(code).toBe(1);
    expect(statusOf(report)).toStrictEqual([
      `${SECURITY} us-east-1 live read-write covered`,
      `${MEMBER} eu-west-1 live read-write covered`,
      `${MEMBER} us-east-1 silent read-write gap`,
    ]);
    expect(report.places[2]).toMatchObject({ lastHeard: '2026-11-29T07:00:00.000Z', silentForMinutes: 300 });
    expect(report.places[0]!.trails).toStrictEqual([
      `arn:aws:cloudtrail:us-east-1:${MANAGEMENT}:trail/organisation-trail`,
    ]);
    expect(report.summary).toStrictEqual({
      places: 3,
      covered: 2,
      live: 2,
      silent: 1,
      neverHeard: 0,
      trailGaps: 0,
    });
  });

  it('exits 0 when every place is live and logged read and write, and prints a table', async () => {
    // Prepare
    endpoint.cloudtrail.trails.push(ORGANISATION_TRAIL);
    await store().heard(heard(MEMBER, 'eu-west-1', '2026-11-29T11:10:00Z'));

    // Act
    const { code, out } = await run('coverage', '--table', TABLE, '--as-of', AS_OF);

    // Assess
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toMatch(/^ACCOUNT\s+REGION\s+LIVENESS\s+LAST HEARD\s+AGO\s+TRAIL\s+COVERED$/);
    expect(out).toContain(
      `${MEMBER}  eu-west-1       live         2026-11-29T11:10:00Z  50 min   read-write`,
    );
    expect(out).toContain(
      '1 of 1 places covered: 1 live, 0 silent for over 180 min, 0 never heard, 0 without',
    );
  });

  it.each([
    {
      scenario: 'a trail of write events only (advanced selector readOnly = false)',
      trail: {
        advancedEventSelectors: [
          {
            FieldSelectors: [
              { Field: 'eventCategory', Equals: ['Management'] },
              { Field: 'readOnly', Equals: ['false'] },
            ],
          },
        ],
      },
      expected: 'write-only',
    },
    {
      scenario: 'a trail of read events only (basic selector ReadOnly)',
      trail: { eventSelectors: [{ ReadWriteType: 'ReadOnly', IncludeManagementEvents: true }] },
      expected: 'read-only',
    },
    {
      scenario: 'a trail of data events only',
      trail: { eventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: false }] },
      expected: 'no-management-events',
    },
    { scenario: 'a trail that stopped logging', trail: { logging: false }, expected: 'not-logging' },
    {
      scenario: "another account's own trail (it logs only its account)",
      trail: { organization: false, account: SECURITY },
      expected: 'no-trail',
    },
    {
      scenario: 'a single-Region trail of another Region',
      trail: { multiRegion: false, homeRegion: 'us-east-1' },
      expected: 'no-trail',
    },
  ])('reports a gap for $scenario: $expected', async ({ trail, expected }) => {
    // Prepare
    endpoint.cloudtrail.trails.push({ ...ORGANISATION_TRAIL, ...trail });
    await store().heard(heard(MEMBER, 'eu-west-1', '2026-11-29T11:10:00Z'));

    // Act
    const { code, report } = await runJson();

    // Assess
    expect(code).toBe(1);
    expect(statusOf(report)).toStrictEqual([`${MEMBER} eu-west-1 live ${expected} gap`]);
  });

  it('names the event sources an advanced selector leaves out', async () => {
    // Prepare
    endpoint.cloudtrail.trails.push({
      ...ORGANISATION_TRAIL,
      advancedEventSelectors: [
        {
          FieldSelectors: [
            { Field: 'eventCategory', Equals: ['Management'] },
            { Field: 'eventSource', NotEquals: ['kms.amazonaws.com', 'rdsdata.amazonaws.com'] },
          ],
        },
      ],
    });
    await store().heard(heard(MEMBER, 'eu-west-1', '2026-11-29T11:10:00Z'));

    // Act
    const { code, out } = await run('coverage', '--table', TABLE, '--as-of', AS_OF);

    // Assess
    expect(code).toBe(0);
    expect(out).toContain(
      `${MEMBER} eu-west-1: the trail leaves out kms.amazonaws.com, rdsdata.amazonaws.com`,
    );
  });

  it('expects every enabled Region of every account (account:ListRegions), run from the management account', async () => {
    // Prepare
    endpoint.cloudtrail.trails.push(ORGANISATION_TRAIL);
    endpoint.account.regions.set(MANAGEMENT, { 'us-east-1': 'ENABLED_BY_DEFAULT' });
    endpoint.account.regions.set(MEMBER, {
      'us-east-1': 'ENABLED_BY_DEFAULT',
      'eu-west-1': 'ENABLED_BY_DEFAULT',
      'af-south-1': 'ENABLED',
      'ap-east-1': 'DISABLED',
    });
    vi.stubEnv('AWS_ACCESS_KEY_ID', `ASIALOCAL${MANAGEMENT}`);
    await store().heard(heard(MEMBER, 'eu-west-1', '2026-11-29T11:10:00Z'));

    // Act
    const { code, report } = await runJson('--enabled-regions', '--account', MANAGEMENT);

    // Assess
    expect(code).toBe(1);
    expect(statusOf(report)).toStrictEqual([
      `${MEMBER} af-south-1 never-heard read-write gap`,
      `${MEMBER} eu-west-1 live read-write covered`,
      `${MEMBER} us-east-1 never-heard read-write gap`,
      `${MANAGEMENT} us-east-1 never-heard read-write gap`,
    ]);
  });

  it('reports what it could not read and exits 2: a Region whose trails are denied, enabled Regions from a member', async () => {
    // Prepare
    endpoint.cloudtrail.trails.push(ORGANISATION_TRAIL);
    endpoint.cloudtrail.denied.add('eu-west-1');
    await store().heard(heard(MEMBER, 'eu-west-1', '2026-11-29T11:10:00Z'));
    await store().heard(heard(SECURITY, 'us-east-1', '2026-11-29T11:10:00Z'));

    // Act
    const { code, report, err } = await runJson('--enabled-regions');

    // Assess
    expect(code).toBe(2);
    expect(statusOf(report)).toStrictEqual([
      `${SECURITY} us-east-1 live read-write covered`,
      `${MEMBER} eu-west-1 live unknown gap`,
    ]);
    expect(report.problems).toStrictEqual([
      `the enabled Regions of ${MEMBER} (only the management account may name an account)`,
      'eu-west-1: cannot list trails (AccessDeniedException: not authorized to read trails in eu-west-1)',
    ]);
    expect(err).toContain('could not read: eu-west-1: cannot list trails');
  });

  it('says so when there is no data, and exits 1', async () => {
    // Act
    const { code, out } = await run('coverage', '--table', TABLE, '--as-of', AS_OF, '--no-trails');

    // Assess
    expect(code).toBe(1);
    expect(out).toContain('(no place: the liveness table is empty and none was expected)');
    expect(out).toContain('(trails not checked)');
  });

  it('writes a self-contained HTML page with --report, gaps first', async () => {
    // Prepare
    const file = join(mkdtempSync(join(tmpdir(), 'rootwatch-coverage-')), 'coverage.html');
    await store().heard(heard(SECURITY, 'us-east-1', '2026-11-29T11:30:00Z'));
    await store().heard(heard(MEMBER, 'us-east-1', '2026-11-29T07:00:00Z'));

    // Act
    const { code } = await run(
      'coverage',
      '--table',
      TABLE,
      '--as-of',
      AS_OF,
      '--no-trails',
      '--report',
      file,
    );

    // Assess
    const page = readFileSync(file, 'utf8');
    expect(code).toBe(1);
    expect(page).toContain('<title>rootwatch coverage</title>');
    expect(page.indexOf(MEMBER)).toBeLessThan(page.indexOf(SECURITY));
    expect(page).toContain('1/2');
  });
});

describe('CLI: rootwatch coverage, usage', () => {
  afterEach(() => vi.unstubAllEnvs());

  it.each([
    { argv: [], error: 'coverage needs the liveness table' },
    { argv: ['--table', 't', '--silent-after', '0'], error: '--silent-after takes whole minutes, not "0"' },
    { argv: ['--table', 't', '--account', '123'], error: '--account takes a 12-digit account id, not "123"' },
    { argv: ['--table', 't', '--region', 'mars'], error: '--region takes an AWS Region, not "mars"' },
    { argv: ['--table', 't', 'file.json'], error: 'coverage takes no FILE' },
  ])('exits 2 on $argv: $error', async ({ argv, error }) => {
    // Prepare
    vi.stubEnv('ROOTWATCH_LIVENESS_TABLE', '');

    // Act
    const { code, err } = await run('coverage', ...argv);

    // Assess
    expect(code).toBe(2);
    expect(err).toContain(error);
  });
});
