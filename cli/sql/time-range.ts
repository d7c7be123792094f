import { CLOCK_SKEW_MS, MAX_SESSION_SECONDS } from '../../detection/root-sessions.ts';
import type { SqlDialect } from './dialects.ts';

const DAY_MS = 86_400_000;

/** What `--since`/`--until` bound (ms), and the Athena table's day partition (`yyyy/MM/dd`), if any. */
interface TimeRange {
  since?: number | undefined;
  until?: number | undefined;
  /** The partition column holding the delivery day, or undefined for a table without one. */
  dayPartition?: string | undefined;
}

const day = (at: number) => new Date(at).toISOString().slice(0, 10).replaceAll('-', '/');

/**
 * The WHERE conditions that bound what the engine reads: the day partitions (Athena: a day of
 * slack on each side, as `scan` prunes folders, since a folder holds the day a file was delivered
 * and delayed events are older than their folder) and `eventtime` itself. `lead` widens the start
 * (the AssumeRoot calls whose sessions reach into the range). Empty when no bound is given.
 * Athena's `eventtime` is ISO 8601 text, compared as a timestamp; CloudTrail Lake's is a timestamp,
 * compared with `'YYYY-MM-DD hh:mm:ss'` as its guide does ("constrain queries by adding starting
 * and ending eventTime time stamps").
 * @see https://docs.aws.amazon.com/athena/latest/ug/partition-projection.html
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/query-limitations.html
 */
const rangeConditions = (dialect: SqlDialect, range: TimeRange, lead = 0): string[] => {
  const since = range.since === undefined ? undefined : range.since - lead;
  const { until } = range;
  const conditions: string[] = [];
  if (dialect.engine === 'athena' && range.dayPartition) {
    if (since !== undefined) conditions.push(`${range.dayPartition} >= '${day(since - DAY_MS)}'`);
    if (until !== undefined) conditions.push(`${range.dayPartition} <= '${day(until + DAY_MS)}'`);
  }
  const literal = (at: number) =>
    dialect.engine === 'athena'
      ? `from_iso8601_timestamp('${new Date(at).toISOString()}')`
      : `'${new Date(at).toISOString().replace('T', ' ').replace('Z', '')}'`;
  if (since !== undefined) conditions.push(`${dialect.time('eventtime')} >= ${literal(since)}`);
  if (until !== undefined) conditions.push(`${dialect.time('eventtime')} <= ${literal(until)}`);
  return conditions;
};

/** How much earlier than the range an AssumeRoot call can be and still issue a key used in it. */
const SESSION_LEAD_MS = MAX_SESSION_SECONDS * 1000 + CLOCK_SKEW_MS;

export { rangeConditions, SESSION_LEAD_MS };
export type { TimeRange };
