import type { AuditSummaryFile } from '../schemas/audit-summary.ts';
import type { AuditSummary } from './audit-summary.ts';

/** The audit as `--summary` writes it: the figures, series and ages, and each report in brief. */
const auditSummaryFile = (summary: AuditSummary): AuditSummaryFile => ({
  schemaVersion: '1',
  accounts: summary.accounts,
  reports: summary.reports,
  invalidInputs: summary.invalidInputs,
  settings: summary.settings,
  statuses: summary.statuses,
  figures: summary.figures,
  rootCredentials: summary.rootCredentials,
  keyAges: summary.keyAges,
  weekly: summary.weekly,
  duplicateAccounts: summary.duplicateAccounts,
  reportsAudited: summary.rows.map((row) => ({
    account: row.account,
    source: row.source,
    asOf: row.asOf,
    asOfSource: row.asOfSource,
    rootCredentials: row.rootCredentials,
    statuses: Object.fromEntries(
      row.results.map((result) => [result.check, result.status]),
    ) as AuditSummaryFile['reportsAudited'][number]['statuses'],
  })),
});

export { auditSummaryFile };
