import type { CredentialReportRow } from '../schemas/credential-report.ts';
import type { WeeklySeries } from '../schemas/weekly-series.ts';
import { DAY_MS, days } from './time.ts';
import { WeeklySeriesBuilder } from './weekly-series.ts';

/** One credential report of an account, as the series reads it: the root row and its as-of. */
interface DatedRoot {
  account: string;
  root: CredentialReportRow;
  asOf: number;
}

const basisText = (minAccountAgeDays: number): string =>
  'Credential reports of several dates: an account is observed in the ISO week (UTC) of each report’s as-of, ' +
  'and in each week a report shows a root use in. A use is a distinct last-used time of root’s password or ' +
  'access keys (a report keeps only the last of each), up to the report’s as-of; uses in the first ' +
  `${days(minAccountAgeDays)} of the root user (setting the account up) are not counted.`;

/**
 * The field study's weekly series from credential reports: each report samples its account in the
 * week of its as-of, and every last-used time it shows (password, key 1, key 2) is a root use in
 * that time's week, so that reports taken weekly over months give each account's weeks with root
 * use. The same use seen by several reports counts once. Times are the reports', never the clock.
 */
const auditWeeklySeries = (reports: readonly DatedRoot[], minAccountAgeDays: number): WeeklySeries => {
  const series = new WeeklySeriesBuilder();
  const seen = new Set<string>();
  for (const { account, root, asOf } of reports) {
    series.observe(account, asOf);
    const setupEnds = root.user_creation_time + minAccountAgeDays * DAY_MS;
    const uses = [
      ['password', root.password_last_used],
      ['key 1', root.access_key_1_last_used_date],
      ['key 2', root.access_key_2_last_used_date],
    ] as const;
    for (const [credential, at] of uses) {
      if (typeof at !== 'number' || at > asOf || at < setupEnds) continue;
      const key = `${account} ${credential} ${at}`;
      if (seen.has(key)) continue;
      seen.add(key);
      series.use(account, at);
    }
  }
  return series.build(basisText(minAccountAgeDays));
};

export { auditWeeklySeries };
export type { DatedRoot };
