import { HiveSQL, TrinoSQL } from 'dt-sql-parser';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';

// dt-sql-parser: ANTLR4 grammars of Trino's and Hive's SQL (Athena runs its queries on Trino and its
// DDL on Hive), so that "parses" means the engine's grammar accepts it, not that some text is there.
const trino = new TrinoSQL();
const hive = new HiveSQL();

const sql = async (...args: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['sql', ...args], { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, text: out.join('\n'), err };
};

/** The statements of a text in a grammar, and its syntax errors. */
const parsed = (parser: TrinoSQL | HiveSQL, text: string) => ({
  statements: parser.splitSQLByStatement(text)?.length ?? 0,
  errors: parser.validate(text).map((error) => `${error.startLine}:${error.startColumn} ${error.message}`),
});

/** CloudTrail Lake reads FROM an event data store id, which has hyphens: an identifier stands in for it. */
const LAKE_ID = 'EXAMPLE-f852-4e8f-8bd1-bcf6cEXAMPLE';
const asTrino = (text: string) => text.replaceAll(LAKE_ID, 'event_data_store');

describe('CLI: rootwatch sql, as the engines parse it', () => {
  it.each([
    { args: ['--engine', 'athena'] },
    { args: ['--engine', 'athena', '--table', 'org_trail.cloudtrail_logs', '--since', '2026-01-05'] },
    { args: ['--engine', 'athena', '--since', '2026-01-05', '--until', '2026-01-12T12:00:00Z'] },
    { args: ['--engine', 'athena', '--until', '2026-01-12', '--partition', 'none'] },
    { args: ['--engine', 'cloudtrail-lake', '--table', LAKE_ID] },
    {
      args: [
        '--engine',
        'cloudtrail-lake',
        '--table',
        LAKE_ID,
        '--since',
        '2026-01-05',
        '--until',
        '2026-01-12',
      ],
    },
  ])('is one Trino statement for $args', async ({ args }) => {
    // Act
    const { code, text } = await sql(...args);

    // Assess
    expect(code).toBe(0);
    expect(parsed(trino, asTrino(text))).toStrictEqual({ statements: 1, errors: [] });
  });

  it('would catch a broken query (the parser is not lenient)', () => {
    expect(parsed(trino, 'SELECT a FROM WHERE b = 1').errors).not.toStrictEqual([]);
    expect(parsed(trino, 'SELECT a FROM x; DROP TABLE y').statements).toBe(2);
  });

  it('creates the Athena table as Hive DDL, with the projection of an organisation trail', async () => {
    // Act
    const { code, text } = await sql(
      ...['--engine', 'athena', '--create-table', '--table', 'org_trail', '--bucket', 'org-trail-logs'],
      ...['--organization', 'o-a1b2c3d4e5', '--account', '111122223333', '--account', '444455556666'],
      ...['--region', 'us-east-1', '--region', 'eu-west-1', '--since', '2024-01-01'],
    );

    // Assess
    expect(code).toBe(0);
    expect(parsed(hive, text)).toStrictEqual({ statements: 1, errors: [] });
    const properties = Object.fromEntries(
      [...text.matchAll(/'([a-z.]+)' = '([^']*)'/g)].map(([, key, value]) => [key, value]),
    );
    expect(properties).toStrictEqual({
      'projection.enabled': 'true',
      'projection.account.type': 'enum',
      'projection.account.values': '111122223333,444455556666',
      'projection.region.type': 'enum',
      'projection.region.values': 'us-east-1,eu-west-1',
      'projection.timestamp.type': 'date',
      'projection.timestamp.format': 'yyyy/MM/dd',
      'projection.timestamp.range': '2024/01/01,NOW',
      'projection.timestamp.interval': '1',
      'projection.timestamp.interval.unit': 'DAYS',
      'storage.location.template':
        's3://org-trail-logs/AWSLogs/o-a1b2c3d4e5/${account}/CloudTrail/${region}/${timestamp}',
    });
    expect(text).toContain("LOCATION 's3://org-trail-logs/AWSLogs/o-a1b2c3d4e5/'");
    expect(text).toContain('PARTITIONED BY (account STRING, region STRING, `timestamp` STRING)');
  });

  it('puts a key prefix before AWSLogs/', async () => {
    const { text } = await sql(
      ...['--engine', 'athena', '--create-table', '--table', 'org_trail', '--bucket', 'org-trail-logs'],
      ...['--prefix', 'trails/org', '--organization', 'o-a1b2c3d4e5', '--account', '111122223333'],
      ...['--region', 'us-east-1'],
    );
    expect(text).toContain("LOCATION 's3://org-trail-logs/trails/org/AWSLogs/o-a1b2c3d4e5/'");
  });
});

describe('CLI: rootwatch sql --since/--until', () => {
  /** The WHERE conditions of each part of the query that reads the table. */
  const conditions = (text: string) => ({
    sessions: /assume_root_sessions AS \(([\s\S]*?)\n\),/.exec(text)![1]!.split('\n    AND ').slice(2),
    events: /FROM \S+ t\n {2}WHERE ([\s\S]*?)\n\),/.exec(text)![1]!.split('\n    AND ').slice(2),
  });

  it('reads only the day partitions around the range (a day of slack), and the records within it', async () => {
    // Act
    const { text } = await sql('--engine', 'athena', '--since', '2026-01-05', '--until', '2026-01-12');

    // Assess
    expect(conditions(text)).toStrictEqual({
      // AssumeRoot calls from 20 minutes earlier: their sessions last 15 minutes, with 5 of clock skew
      sessions: [
        "timestamp >= '2026/01/03'",
        "timestamp <= '2026/01/13'",
        "from_iso8601_timestamp(eventtime) >= from_iso8601_timestamp('2026-01-04T23:40:00.000Z')",
        "from_iso8601_timestamp(eventtime) <= from_iso8601_timestamp('2026-01-12T23:59:59.999Z')",
      ],
      events: [
        "timestamp >= '2026/01/04'",
        "timestamp <= '2026/01/13'",
        "from_iso8601_timestamp(eventtime) >= from_iso8601_timestamp('2026-01-05T00:00:00.000Z')",
        "from_iso8601_timestamp(eventtime) <= from_iso8601_timestamp('2026-01-12T23:59:59.999Z')",
      ],
    });
  });

  it.each([
    {
      name: 'another partition column',
      args: ['--engine', 'athena', '--since', '2026-01-05', '--partition', 'dt'],
      events: [
        "dt >= '2026/01/04'",
        "from_iso8601_timestamp(eventtime) >= from_iso8601_timestamp('2026-01-05T00:00:00.000Z')",
      ],
    },
    {
      name: 'a table without day partitions',
      args: ['--engine', 'athena', '--until', '2026-01-12T06:00:00Z', '--partition', 'none'],
      events: ["from_iso8601_timestamp(eventtime) <= from_iso8601_timestamp('2026-01-12T06:00:00.000Z')"],
    },
    {
      name: 'CloudTrail Lake, whose eventtime is a timestamp',
      args: [
        '--engine',
        'cloudtrail-lake',
        '--table',
        'eds1',
        '--since',
        '2026-01-05',
        '--until',
        '2026-01-05',
      ],
      events: ["eventtime >= '2026-01-05 00:00:00.000'", "eventtime <= '2026-01-05 23:59:59.999'"],
    },
  ])('bounds $name', async ({ args, events }) => {
    expect(conditions((await sql(...args)).text).events).toStrictEqual(events);
  });

  it('leaves an unbounded query unbounded, and says how to bound it', async () => {
    const { text } = await sql('--engine', 'athena');
    expect(conditions(text)).toStrictEqual({ sessions: [], events: [] });
    expect(text).toContain('-- Give --since/--until to bound what the engine reads (and bills).');
  });
});

describe('CLI: rootwatch sql, names and warnings', () => {
  it.each([
    { args: ['--engine', 'athena', '--table', 'x; DROP TABLE y'], message: '--table takes an Athena table' },
    { args: ['--engine', 'athena', '--table', "x' OR '1'='1"], message: '--table takes an Athena table' },
    { args: ['--engine', 'athena', '--table', 'a.b.c.d'], message: '--table takes an Athena table' },
    { args: ['--engine', 'athena', '--table', 'logs -- comment'], message: '--table takes an Athena table' },
    { args: ['--engine', 'athena', '--table', '"quoted"'], message: '--table takes an Athena table' },
    { args: ['--engine', 'cloudtrail-lake', '--table', 'eds; DROP TABLE y'], message: 'event data store id' },
    {
      args: ['--engine', 'cloudtrail-lake', '--table', 'arn:aws:cloudtrail:x'],
      message: 'event data store id',
    },
    { args: ['--engine', 'athena', '--since', 'yesterday'], message: '--since: expected YYYY-MM-DD' },
    {
      args: ['--engine', 'athena', '--since', '2026-02-01', '--until', '2026-01-01'],
      message: '--since is after --until',
    },
    { args: ['--engine', 'athena', '--partition', 'a b'], message: '--partition takes a column name' },
    { args: ['--engine', 'cloudtrail-lake', '--create-table'], message: 'give --engine athena' },
    { args: ['--engine', 'athena', '--create-table', '--table', 't'], message: '--bucket' },
    {
      args: [
        '--engine',
        'athena',
        '--create-table',
        '--table',
        't',
        '--bucket',
        'b-1',
        '--organization',
        'o-a1b2c3d4e5',
      ],
      message: '--account ID and --region R',
    },
    {
      args: [
        ...[
          '--engine',
          'athena',
          '--create-table',
          '--table',
          't',
          '--bucket',
          'b-1',
          '--organization',
          'o-a1b2c3d4e5',
        ],
        ...['--account', '1', '--region', 'us-east-1'],
      ],
      message: '--account takes a 12-digit account id, not "1"',
    },
    {
      args: [
        ...[
          '--engine',
          'athena',
          '--create-table',
          '--table',
          't',
          '--bucket',
          "b'x",
          '--organization',
          'o-a1b2c3d4e5',
        ],
      ],
      message: '--bucket',
    },
  ])('rejects $args with exit 2', async ({ args, message }) => {
    // Act
    const { code, text, err } = await sql(...args);

    // Assess
    expect({ code, text }).toStrictEqual({ code: 2, text: '' });
    expect(err.join('\n')).toContain(message);
  });

  it.each([
    {
      args: ['--engine', 'athena', '--table', 'awsdatacatalog.org_trail.cloudtrail_logs'],
      from: 'FROM awsdatacatalog.org_trail.cloudtrail_logs t',
    },
    { args: ['--engine', 'cloudtrail-lake', '--table', LAKE_ID], from: `FROM ${LAKE_ID} t` },
  ])('reads --table $args', async ({ args, from }) => {
    const { code, text, err } = await sql(...args);
    expect({ code, err }).toStrictEqual({ code: 0, err: [] });
    expect(text).toContain(from);
  });

  it('warns when the CloudTrail Lake event data store id is missing, and still prints the query', async () => {
    // Act
    const { code, text, err } = await sql('--engine', 'cloudtrail-lake');

    // Assess
    expect(code).toBe(0);
    expect(text).toContain('FROM <event-data-store-id> t');
    expect(err).toStrictEqual([
      "rootwatch sql: no --table: the query reads FROM <event-data-store-id>; replace it with your event data store's id (the last part of its ARN, `aws cloudtrail list-event-data-stores`), or give --table ID",
    ]);
  });
});
