import type { ValidationIssue } from '../../schemas/validation-issue.ts';
import type { InputPosition } from '../../scan/documents/input-item.ts';
import { describePosition } from '../../scan/documents/input-item.ts';
import { MISSING_PATH } from '../../scan/sources/fs-problems.ts';

/** One stderr line per problem: where (file, line, record), which field, and why. */
const invalidInputLines = (position: InputPosition, issues: readonly ValidationIssue[]): string[] =>
  issues.map(
    (issue) =>
      `invalid input: ${describePosition(position)}: ${issue.path}: ${issue.message} (${issue.code})`,
  );

/**
 * `unreadable input: trail.json.gz: record 3: gzip: …`; a path given that does not exist is said
 * as a command's own error: `rootwatch classify: no such file or directory: x.json`.
 */
const unreadableInputLine = (position: InputPosition, reason: string, command?: string): string =>
  command !== undefined &&
  reason === MISSING_PATH &&
  position.line === undefined &&
  position.record === undefined
    ? `rootwatch ${command}: ${MISSING_PATH}: ${position.file}`
    : `unreadable input: ${describePosition(position)}: ${reason}`;

/** Where in a credential report: the line counts inside `Content` for the JSON form. */
interface ReportPosition {
  file: string;
  inContent: boolean;
}

interface ReportNote {
  line?: number;
  column?: string;
  message: string;
}

const describeReportNote = (
  { file, inContent }: ReportPosition,
  { line, column, message }: ReportNote,
): string =>
  [file, line === undefined ? '' : `${inContent ? 'Content ' : ''}line ${line}`, column ?? '', message]
    .filter(Boolean)
    .join(': ');

/** A credential report that cannot be audited: `invalid input: report.csv: line 2: mfa_active: …`. */
const invalidReportLine = (position: ReportPosition, problem: ReportNote): string =>
  `invalid input: ${describeReportNote(position, problem)}`;

/** A credential report audited despite an oddity: `warning: report.csv: line 2: arn: …`. */
const reportWarningLine = (position: ReportPosition, warning: ReportNote): string =>
  `warning: ${describeReportNote(position, warning)}`;

export { invalidInputLines, unreadableInputLine, invalidReportLine, reportWarningLine };
