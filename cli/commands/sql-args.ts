import { parseArgs } from 'node:util';
import * as z from 'zod/mini';
import { dayOrTime } from '../../schemas/scan-options.ts';
import { SQL_DIALECTS } from '../sql/dialects.ts';
import type { OrganizationTrailTable } from '../sql/create-table.ts';
import { checkedTable } from '../sql/sql-names.ts';
import type { TimeRange } from '../sql/time-range.ts';
import { UsageError } from '../usage-error.ts';

type SqlEngine = keyof typeof SQL_DIALECTS;

/** What `rootwatch sql` was asked: the query (with its table and range), or the Athena table to create. */
type SqlArgs =
  | { kind: 'query'; engine: SqlEngine; table: string; tableGiven: boolean; range: TimeRange }
  | { kind: 'create-table'; table: OrganizationTrailTable };

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const ORGANIZATION = /^o-[a-z0-9]{10,32}$/;
const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const PREFIX = /^[A-Za-z0-9!_.*()-]+(\/[A-Za-z0-9!_.*()-]+)*$/;
const PARTITION = /^[a-z_][a-z0-9_]*$/;

/** A bound of --since/--until, as `scan` reads them (YYYY-MM-DD, or an ISO 8601 time). */
const bound = (value: string | undefined, option: string, end: boolean): number | undefined => {
  if (value === undefined) return undefined;
  const parsed = dayOrTime(end ? 'end' : 'start').safeParse(value);
  if (!parsed.success) throw new UsageError(`${option}: ${z.prettifyError(parsed.error).replace(/^✖ /, '')}`);
  return parsed.data;
};

const matching = (values: readonly string[], pattern: RegExp, option: string, what: string): string[] => {
  const wrong = values.find((value) => !pattern.test(value));
  if (wrong !== undefined) throw new UsageError(`${option} takes ${what}, not ${JSON.stringify(wrong)}`);
  return [...values];
};

/** The options of `rootwatch sql` from its arguments; every name that goes into SQL is checked here. */
const parseSqlArgs = (args: string[]): SqlArgs => {
  const { values } = parseArgs({
    args,
    options: {
      engine: { type: 'string' },
      table: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      partition: { type: 'string' },
      'create-table': { type: 'boolean', default: false },
      bucket: { type: 'string' },
      prefix: { type: 'string' },
      organization: { type: 'string' },
      account: { type: 'string', multiple: true, default: [] },
      region: { type: 'string', multiple: true, default: [] },
    },
  });
  const engines = Object.keys(SQL_DIALECTS);
  if (values.engine === undefined || !engines.includes(values.engine)) {
    throw new UsageError(`--engine takes one of ${engines.join(', ')}`);
  }
  const engine = values.engine as SqlEngine;
  const dialect = SQL_DIALECTS[engine];
  const table = checkedTable(dialect, values.table);
  const since = bound(values.since, '--since', false);
  const until = bound(values.until, '--until', true);
  if (values['create-table']) {
    if (engine !== 'athena')
      throw new UsageError('--create-table makes an Athena table: give --engine athena');
    if (values.table === undefined) throw new UsageError('--create-table needs --table NAME');
    if (!values.bucket || !BUCKET.test(values.bucket))
      throw new UsageError('--create-table needs --bucket, the trail bucket’s name');
    if (!values.organization || !ORGANIZATION.test(values.organization))
      throw new UsageError('--create-table needs --organization, the organization id (o-…)');
    if (values.prefix !== undefined && !PREFIX.test(values.prefix))
      throw new UsageError(
        `--prefix takes the trail's key prefix (no leading or trailing /), not ${JSON.stringify(values.prefix)}`,
      );
    if (values.account.length === 0 || values.region.length === 0)
      throw new UsageError(
        '--create-table needs --account ID and --region R (repeatable): the partitions it projects',
      );
    return {
      kind: 'create-table',
      table: {
        table,
        bucket: values.bucket,
        prefix: values.prefix,
        organizationId: values.organization,
        accounts: matching(values.account, ACCOUNT, '--account', 'a 12-digit account id'),
        regions: matching(values.region, REGION, '--region', 'a region such as eu-west-1'),
        firstDay: new Date(since ?? Date.UTC(2013, 10, 1)).toISOString().slice(0, 10).replaceAll('-', '/'),
      },
    };
  }
  if (since !== undefined && until !== undefined && since > until)
    throw new UsageError('--since is after --until');
  const partition = values.partition ?? 'timestamp';
  if (partition !== 'none' && !PARTITION.test(partition))
    throw new UsageError(`--partition takes a column name or none, not ${JSON.stringify(partition)}`);
  return {
    kind: 'query',
    engine,
    table,
    tableGiven: values.table !== undefined,
    range: {
      since,
      until,
      dayPartition: engine === 'athena' && partition !== 'none' ? partition : undefined,
    },
  };
};

export { parseSqlArgs };
export type { SqlEngine, SqlArgs };
