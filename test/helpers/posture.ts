import { AUDIT_DEFAULTS, auditRoot } from '../../posture/audit-root.ts';
import type { AsOf, AuditSettings } from '../../posture/audit-root.ts';
import type { AuditedAccount } from '../../posture/audit-summary.ts';
import { readCredentialReport } from '../../posture/read-credential-report.ts';
import { rootCredentialState } from '../../posture/root-credentials.ts';
import type { PostureCheckId, PostureResult } from '../../schemas/posture-result.ts';
import type { RootPostureFacts } from '../../schemas/root-posture-facts.ts';
import { accountReportCsv, reportCsv } from './credential-reports.ts';
import type { RowText } from './credential-reports.ts';

/** The as-of of the posture tests: 2025-06-01T12:00:00Z, given by the caller. */
const AS_OF: AsOf = { at: Date.UTC(2025, 5, 1, 12), source: 'given' };

/** Every result of auditing a CSV report; fails loudly when the report cannot be read. */
const auditCsv = (
  csv: string,
  options: { asOf?: AsOf; settings?: Partial<AuditSettings>; facts?: RootPostureFacts } = {},
): PostureResult[] => {
  const read = readCredentialReport(csv);
  if (!read.ok) throw new Error(`test report unreadable: ${JSON.stringify(read.problems)}`);
  return auditRoot(
    read.report,
    options.asOf ?? AS_OF,
    { ...AUDIT_DEFAULTS, ...options.settings },
    options.facts,
  );
};

/** The result of one check on the base root row with `changes`. */
const checkResult = (
  check: PostureCheckId,
  changes: Partial<RowText>,
  options: Parameters<typeof auditCsv>[1] = {},
): PostureResult => auditCsv(reportCsv(changes), options).find((result) => result.check === check)!;

/**
 * One audited report as the CLI builds it: account `account`, the base root row with `changes`,
 * judged as of `asOf` (default the posture tests' as-of) from `asOfSource` (default given).
 */
const auditedAccount = (
  account: string,
  changes: Partial<RowText> = {},
  {
    asOf = '2025-06-01T12:00:00Z',
    asOfSource = 'given',
  }: Partial<Pick<AuditedAccount, 'asOf' | 'asOfSource'>> = {},
): AuditedAccount => {
  const csv = accountReportCsv(account, changes);
  const read = readCredentialReport(csv);
  if (!read.ok) throw new Error(`test report unreadable: ${JSON.stringify(read.problems)}`);
  return {
    account,
    arn: `arn:aws:iam::${account}:root`,
    source: `${account}.csv`,
    asOf,
    asOfSource,
    results: auditCsv(csv, { asOf: { at: Date.parse(asOf), source: asOfSource } }),
    root: read.report.root,
    rootCredentials: rootCredentialState(read.report.root, undefined),
  };
};

export { AS_OF, auditCsv, auditedAccount, checkResult };
