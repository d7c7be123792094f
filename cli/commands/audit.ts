import { writeFile } from 'node:fs/promises';
import { auditRoot } from '../../posture/audit-root.ts';
import type { AsOf, AuditSettings } from '../../posture/audit-root.ts';
import { summariseAudit } from '../../posture/audit-summary.ts';
import type { AuditSummary, AuditedAccount } from '../../posture/audit-summary.ts';
import { auditSummaryFile } from '../../posture/audit-summary-file.ts';
import { factsOfAccount } from '../../posture/facts-of-account.ts';
import { readCredentialReport } from '../../posture/read-credential-report.ts';
import { rootCredentialState } from '../../posture/root-credentials.ts';
import type { AuditFactsFile } from '../../schemas/audit-facts-file.ts';
import { AuditSummaryFileSchema } from '../../schemas/audit-summary.ts';
import { isoTime } from '../../posture/time.ts';
import type { ReadLimits } from '../../scan/documents/read-limits.ts';
import { fleetFiguresText } from '../format/fleet-figures-text.ts';
import {
  invalidInputLines,
  invalidReportLine,
  reportWarningLine,
  unreadableInputLine,
} from '../format/input-errors.ts';
import { nothingReadLine } from '../format/nothing-read.ts';
import { postureTableHeader, postureTableRow } from '../format/posture-table.ts';
import { readCredentialReports } from '../input/read-credential-reports.ts';
import type { ReportInput } from '../input/read-credential-reports.ts';
import type { CommandIo } from '../io.ts';
import type { InputProblem } from '../report/input-problems.ts';
import { auditReportPage } from '../report/audit-report.ts';
import { writeReport } from '../report/write-report.ts';

interface AuditOptions {
  paths: readonly string[];
  json: boolean;
  /** `--report FILE.html`: also write the HTML page of the audit there. */
  report?: string | undefined;
  /** `--summary FILE`: also write the audit's JSON summary there (`AuditSummaryFileSchema`). */
  summary?: string | undefined;
  /** `--facts FILE`: the AWS answers a credential report cannot hold, per account and organisation. */
  facts?: AuditFactsFile | undefined;
  /** `--as-of`, epoch milliseconds; else each report's `GeneratedTime`, else `now`. */
  asOf?: number | undefined;
  /** The clock, read once per run. */
  now: number;
  settings: AuditSettings;
  /** `--max-object-mb`: the largest report read. */
  limits?: ReadLimits;
}

const asOfOf = (input: Extract<ReportInput, { kind: 'report' }>, options: AuditOptions): AsOf => {
  if (options.asOf !== undefined) return { at: options.asOf, source: 'given' };
  if (input.generatedTime !== undefined) return { at: Date.parse(input.generatedTime), source: 'report' };
  return { at: options.now, source: 'now' };
};

/**
 * Audits one input; returns the audited account, or undefined after reporting why it could not.
 * Problems and warnings go to stderr and to `problems` (for the report page).
 */
const auditInput = (
  input: ReportInput,
  options: AuditOptions,
  io: CommandIo,
  problems: InputProblem[],
): AuditedAccount | undefined => {
  const report = (kind: 'not audited' | 'warning', message: string) => {
    io.err(message);
    problems.push({ file: input.file, kind, tone: kind === 'warning' ? 'caution' : 'danger', message });
  };
  if (input.kind === 'unreadable') {
    report('not audited', unreadableInputLine({ file: input.file }, input.reason, 'audit'));
    return undefined;
  }
  if (input.kind === 'invalid') {
    for (const line of invalidInputLines({ file: input.file }, input.issues)) report('not audited', line);
    return undefined;
  }
  const read = readCredentialReport(input.csv);
  if (!read.ok) {
    for (const problem of read.problems) report('not audited', invalidReportLine(input, problem));
    return undefined;
  }
  for (const warning of read.warnings) report('warning', reportWarningLine(input, warning));
  const asOf = asOfOf(input, options);
  const facts = options.facts && factsOfAccount(options.facts, read.report.account);
  const results = auditRoot(read.report, asOf, options.settings, facts);
  for (const result of results) io.out(options.json ? JSON.stringify(result) : postureTableRow(result));
  return {
    account: read.report.account,
    arn: read.report.rootText.arn,
    source: input.file,
    asOf: isoTime(asOf.at),
    asOfSource: asOf.source,
    results,
    root: read.report.root,
    rootCredentials: rootCredentialState(read.report.root, facts),
  };
};

/**
 * `rootwatch audit`: the root posture checks of each credential report, one result per account and
 * check, in input order; over two accounts or more, the fleet figures (on stderr with `--json`).
 * With `facts`, each account is judged with the AWS answers the scheduled audit would have (root's
 * login profile, virtual MFA devices, the organisation's centralized root access features).
 * With `summary`, writes the JSON summary (weekly series, key ages); with `report`, the HTML page
 * (a file that cannot be written throws).
 * Exit 0; 1 when a check fails; 2 when an input was invalid or a path held no report, after all the
 * others (2 wins over 1).
 * Returns the summary as plain data too, for other renderers.
 */
const runAudit = async (
  options: AuditOptions,
  io: CommandIo,
): Promise<{ code: number; summary: AuditSummary }> => {
  const audited: AuditedAccount[] = [];
  const problems: InputProblem[] = [];
  let invalid = 0;
  if (!options.json) io.out(postureTableHeader());
  const emptyPaths: string[] = [];
  for (const path of options.paths) {
    let read = 0;
    for await (const input of readCredentialReports([path], options.limits)) {
      read += 1;
      const account = auditInput(input, options, io, problems);
      if (account) audited.push(account);
      else invalid += 1;
    }
    if (read === 0) emptyPaths.push(path);
  }
  const summary = summariseAudit(audited, invalid, options.settings);
  for (const account of summary.duplicateAccounts) {
    io.err(
      `warning: account ${account} was audited more than once; the fleet figures count its latest report, the weekly series every report`,
    );
  }
  if (summary.accounts > 1 || summary.reports > 1)
    (options.json ? io.err : io.out)(`\n${fleetFiguresText(summary)}`);
  if (options.summary !== undefined) {
    const file = AuditSummaryFileSchema.parse(auditSummaryFile(summary));
    await writeFile(options.summary, `${JSON.stringify(file, null, 2)}\n`);
  }
  if (options.report !== undefined)
    await writeReport(options.report, auditReportPage(summary, new Date(options.now), problems));
  const failing = audited.some(({ results }) => results.some((result) => result.status === 'fail'));
  for (const path of emptyPaths) io.err(nothingReadLine('audit', path));
  return { code: invalid + emptyPaths.length > 0 ? 2 : failing ? 1 : 0, summary };
};

export { runAudit };
export type { AuditOptions };
