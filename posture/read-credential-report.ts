import {
  CREDENTIAL_REPORT_COLUMNS,
  CredentialReportRowSchema,
  ROOT_USER,
} from '../schemas/credential-report.ts';
import type { CredentialReportColumn, CredentialReportRow } from '../schemas/credential-report.ts';
import { toValidationIssues } from '../schemas/validation-issue.ts';
import { parseCsv } from './csv.ts';
import type { CsvRecord } from './csv.ts';

/** Why a report was rejected, or what looks wrong in one that was read: line (1-based) and column. */
interface ReportProblem {
  line?: number;
  column?: string;
  message: string;
}

/** What the audit needs from one credential report: the account and its root row. */
interface CredentialReport {
  account: string;
  /** The root row, typed. */
  root: CredentialReportRow;
  /** The root row as written, column by column: the evidence of every check. */
  rootText: Record<CredentialReportColumn, string>;
  rootLine: number;
}

type ReadCredentialReport =
  | { ok: true; report: CredentialReport; warnings: ReportProblem[] }
  | { ok: false; problems: ReportProblem[] };

/** `arn:aws:iam::111122223333:root`; the partition may be `aws-cn` or `aws-us-gov`. */
const IAM_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):(.*)$/;

const structureProblems = (records: readonly CsvRecord[]): ReportProblem[] => {
  const [header, ...rows] = records;
  if (!header) return [{ message: 'empty: no header row' }];
  const missing = CREDENTIAL_REPORT_COLUMNS.filter((column) => !header.cells.includes(column));
  if (missing.length > 0) {
    const named = missing.length > 3 ? `${missing.slice(0, 3).join(', ')}…` : missing.join(', ');
    return [
      {
        line: header.line,
        message: `not a credential report: the header lacks ${missing.length} of its ${CREDENTIAL_REPORT_COLUMNS.length} columns (${named})`,
      },
    ];
  }
  return rows
    .filter((row) => row.cells.length !== header.cells.length)
    .map((row) => ({
      line: row.line,
      message: `${row.cells.length} fields where the header has ${header.cells.length}`,
    }));
};

const rowText = (header: CsvRecord, row: CsvRecord): Record<CredentialReportColumn, string> =>
  Object.fromEntries(
    CREDENTIAL_REPORT_COLUMNS.map((column) => [column, row.cells[header.cells.indexOf(column)] ?? '']),
  ) as Record<CredentialReportColumn, string>;

/**
 * Reads the CSV of a credential report down to what the root audit needs. Rejected, with the line:
 * text that is not CSV, a header without the documented columns, rows whose field count differs
 * from the header, no `<root_account>` row or two, root values outside the documented ones, a root
 * ARN with no 12-digit account. Read with a warning: a root ARN that is not `…:root` (some published
 * fixtures write `arn:aws:iam::123456789012:<root_account>` [PROWLER-TEST]): the account is clear.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html
 */
const readCredentialReport = (csv: string): ReadCredentialReport => {
  const parsed = parseCsv(csv);
  if (!parsed.ok) return { ok: false, problems: [{ line: parsed.line, message: parsed.message }] };
  const problems = structureProblems(parsed.records);
  if (problems.length > 0) return { ok: false, problems };

  const [header, ...rows] = parsed.records as [CsvRecord, ...CsvRecord[]];
  const userIndex = header.cells.indexOf('user');
  const roots = rows.filter((row) => row.cells[userIndex] === ROOT_USER);
  if (roots.length !== 1) {
    return {
      ok: false,
      problems: [
        roots.length === 0
          ? { message: `no ${ROOT_USER} row (every credential report has one)` }
          : { line: roots[1]!.line, message: `a second ${ROOT_USER} row (first on line ${roots[0]!.line})` },
      ],
    };
  }
  const rootRow = roots[0]!;
  const rootText = rowText(header, rootRow);
  const row = CredentialReportRowSchema.safeParse(rootText);
  if (!row.success) {
    return {
      ok: false,
      problems: toValidationIssues(row.error).map((issue) => ({
        line: rootRow.line,
        column: issue.path,
        message: `${JSON.stringify(rootText[issue.path as CredentialReportColumn] ?? '')}: ${issue.message}`,
      })),
    };
  }
  const arn = IAM_ARN.exec(rootText.arn);
  if (!arn) {
    return {
      ok: false,
      problems: [
        {
          line: rootRow.line,
          column: 'arn',
          message: `${JSON.stringify(rootText.arn)} names no 12-digit account`,
        },
      ],
    };
  }
  const account = arn[1]!;
  const warnings: ReportProblem[] =
    arn[2] === 'root'
      ? []
      : [
          {
            line: rootRow.line,
            column: 'arn',
            message: `${JSON.stringify(rootText.arn)} is not a root user ARN (…:${account}:root); auditing account ${account}`,
          },
        ];
  return { ok: true, report: { account, root: row.data, rootText, rootLine: rootRow.line }, warnings };
};

export { readCredentialReport };
export type { CredentialReport, ReportProblem, ReadCredentialReport };
