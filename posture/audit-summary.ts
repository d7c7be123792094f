import type { CredentialReportRow } from '../schemas/credential-report.ts';
import type { KeyAges } from '../schemas/key-ages.ts';
import { POSTURE_CHECKS, POSTURE_STATUSES } from '../schemas/posture-result.ts';
import type { PostureCheckId, PostureResult, PostureStatus } from '../schemas/posture-result.ts';
import type { WeeklySeries } from '../schemas/weekly-series.ts';
import type { AuditSettings } from './audit-root.ts';
import { auditWeeklySeries } from './audit-series.ts';
import { keyAgeDistribution } from './key-ages.ts';
import type { RootCredentialState } from './root-credentials.ts';
import { days } from './time.ts';
import type { AsOfSource } from './time.ts';

/** One audited report: the row of the per-account table. */
interface AuditedAccount {
  account: string;
  /** The root row's ARN as the report wrote it (a fixture's `…:<root_account>` included). */
  arn: string;
  /** Where the report came from (a file name for the CLI). */
  source: string;
  /** ISO 8601: the moment judged. */
  asOf: string;
  asOfSource: AsOfSource;
  results: PostureResult[];
  /** The report's root row, typed: the weekly series and the key ages read it. */
  root: CredentialReportRow;
  /** `none`: the evidence shows root has no credential at all (centralized root access). */
  rootCredentials: RootCredentialState;
}

/** The field study's figures: the share of audited accounts failing one check. */
interface FleetFigure {
  id: 'root-access-keys' | 'root-keys-over-90-days' | 'root-without-mfa' | 'recent-root-use';
  check: PostureCheckId;
  label: string;
  /** Accounts where the check was decided (`pass` or `fail`): the denominator. */
  decided: number;
  failing: number;
  /** `failing / decided`, or null when no account was decided. */
  share: number | null;
  skipped: number;
  unknown: number;
}

/**
 * A whole audit as plain data, for the text summary and for renderers (the HTML report): counts by
 * check and status, the fleet figures, and every audited report. Accounts are counted once: when
 * an account was audited twice, the report judged at the later as-of counts (`duplicateAccounts`);
 * the weekly series alone reads every report, of every date.
 */
interface AuditSummary {
  accounts: number;
  reports: number;
  invalidInputs: number;
  settings: Pick<AuditSettings, 'windowDays' | 'minAccountAgeDays'>;
  asOfSources: Record<AsOfSource, number>;
  statuses: Record<PostureCheckId, Record<PostureStatus, number>>;
  figures: FleetFigure[];
  /** Accounts by what the evidence says of their root credentials (latest report of each). */
  rootCredentials: Record<RootCredentialState, number>;
  /** The active root keys' ages, from each account's latest report. */
  keyAges: KeyAges;
  /** Root use per ISO week over every report, of every date. */
  weekly: WeeklySeries;
  duplicateAccounts: string[];
  rows: AuditedAccount[];
}

const FIGURES: ReadonlyArray<Pick<FleetFigure, 'id' | 'check'> & { label(settings: AuditSettings): string }> =
  [
    { id: 'root-access-keys', check: 'root-access-keys', label: () => 'with root access keys' },
    {
      id: 'root-keys-over-90-days',
      check: 'root-key-rotation',
      label: () => 'with root keys older than 90 days',
    },
    { id: 'root-without-mfa', check: 'root-mfa', label: () => 'without root MFA' },
    {
      id: 'recent-root-use',
      check: 'root-recent-use',
      label: ({ windowDays }) => `with root use in the last ${days(windowDays)}`,
    },
  ];

const zeroes = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

/** The latest-judged report of each account, in first-seen order. */
const latestByAccount = (rows: readonly AuditedAccount[]): AuditedAccount[] => {
  const latest = new Map<string, AuditedAccount>();
  for (const row of rows) {
    const seen = latest.get(row.account);
    if (!seen || Date.parse(row.asOf) >= Date.parse(seen.asOf)) latest.set(row.account, row);
  }
  return [...latest.values()];
};

/** Sums an audit up: the fleet figures of the field study, over distinct accounts. */
const summariseAudit = (
  rows: readonly AuditedAccount[],
  invalidInputs: number,
  settings: AuditSettings,
): AuditSummary => {
  const accounts = latestByAccount(rows);
  const statuses = Object.fromEntries(
    POSTURE_CHECKS.map((check) => [check, zeroes(POSTURE_STATUSES)]),
  ) as AuditSummary['statuses'];
  for (const { results } of accounts)
    for (const result of results) statuses[result.check][result.status] += 1;
  const asOfSources = zeroes<AsOfSource>(['report', 'given', 'now']);
  for (const row of accounts) asOfSources[row.asOfSource] += 1;
  const figures = FIGURES.map(({ id, check, label }): FleetFigure => {
    const { pass, fail, skipped, unknown } = statuses[check];
    const decided = pass + fail;
    return {
      id,
      check,
      label: label(settings),
      decided,
      failing: fail,
      share: decided ? fail / decided : null,
      skipped,
      unknown,
    };
  });
  const reportsOf = new Map<string, number>();
  for (const { account } of rows) reportsOf.set(account, (reportsOf.get(account) ?? 0) + 1);
  const duplicateAccounts = [...reportsOf].filter(([, count]) => count > 1).map(([account]) => account);
  const rootCredentials = zeroes<RootCredentialState>(['none', 'held', 'undecided']);
  for (const row of accounts) rootCredentials[row.rootCredentials] += 1;
  const dated = rows.map((row) => ({ account: row.account, root: row.root, asOf: Date.parse(row.asOf) }));
  return {
    accounts: accounts.length,
    reports: rows.length,
    invalidInputs,
    settings: { windowDays: settings.windowDays, minAccountAgeDays: settings.minAccountAgeDays },
    asOfSources,
    statuses,
    figures,
    rootCredentials,
    keyAges: keyAgeDistribution(accounts.map((row) => ({ root: row.root, asOf: Date.parse(row.asOf) }))),
    weekly: auditWeeklySeries(dated, settings.minAccountAgeDays),
    duplicateAccounts,
    rows: [...rows],
  };
};

export { summariseAudit, latestByAccount };
export type { AuditSummary, AuditedAccount, FleetFigure };
