const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Where the audit's "now" came from: the report's `GeneratedTime`, the caller, or the clock. */
type AsOfSource = 'report' | 'given' | 'now';

const AS_OF_SOURCES: Record<AsOfSource, string> = {
  report: "the report's GeneratedTime",
  given: 'given',
  now: 'now',
};

/** `2025-06-01T12:00:00Z`: ISO 8601 in UTC, to the second (credential reports keep no more). */
const isoTime = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** `as of 2025-06-01T12:00:00Z (the report's GeneratedTime)`: every time-based detail says which. */
const asOfText = (asOf: number, source: AsOfSource): string =>
  `as of ${isoTime(asOf)} (${AS_OF_SOURCES[source]})`;

/** A rough, readable length of time: minutes, hours under two days, else days. */
const duration = (ms: number): string => {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.floor(ms / HOUR_MS);
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'}`;
  const days = Math.floor(ms / DAY_MS);
  return `${days} days`;
};

/** `1 day`, `30 days`: the option values in details. */
const days = (count: number): string => `${count} day${count === 1 ? '' : 's'}`;

export { DAY_MS, isoTime, asOfText, duration, days };
export type { AsOfSource };
