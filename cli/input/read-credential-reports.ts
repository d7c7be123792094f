import { constants } from 'node:buffer';
import type { ReadLimits } from '../../scan/documents/read-limits.ts';
import { DEFAULT_READ_LIMITS } from '../../scan/documents/read-limits.ts';
import { describePosition } from '../../scan/documents/input-item.ts';
import { firstNonSpace } from '../../scan/documents/object-text.ts';
import { splitDocuments } from '../../scan/documents/split-documents.ts';
import { GetCredentialReportOutputSchema } from '../../schemas/credential-report.ts';
import { toValidationIssues } from '../../schemas/validation-issue.ts';
import type { ValidationIssue } from '../../schemas/validation-issue.ts';
import { readTextFiles } from './read-text-files.ts';

/** What `audit` reads from directories: CSV and JSON credential reports, gzipped or not. */
const CREDENTIAL_REPORT_FILE = /\.(csv|json)(\.gz)?$|\.gz$/;

/**
 * One credential report file: its CSV (decoded from `Content` for the JSON form, where line
 * numbers count inside `Content`), and `GeneratedTime` when the JSON form gave it; or why the file
 * could not be read as one.
 */
type ReportInput =
  | { kind: 'report'; file: string; csv: string; inContent: boolean; generatedTime?: string }
  | { kind: 'invalid'; file: string; issues: ValidationIssue[] }
  | { kind: 'unreadable'; file: string; reason: string };

/** One JSON document of a file, as a credential report (`aws iam get-credential-report` prints one). */
const reportOfDocument = (file: string, document: unknown): ReportInput => {
  const output = GetCredentialReportOutputSchema.safeParse(document);
  if (!output.success) return { kind: 'invalid', file, issues: toValidationIssues(output.error) };
  return {
    kind: 'report',
    file,
    csv: Buffer.from(output.data.Content, 'base64').toString('utf8'),
    inContent: true,
    ...(output.data.GeneratedTime !== undefined && { generatedTime: output.data.GeneratedTime }),
  };
};

/**
 * A file's reports: the JSON form when it starts with `{` (one document, or several one after
 * another: `cat a.json b.json | rootwatch audit -`, each named by its line), else CSV. JSON is read
 * by the reader every command uses (scan/documents/split-documents.ts).
 */
const toReportInputs = (file: string, text: Buffer): ReportInput[] => {
  if (text[firstNonSpace(text)] !== 0x7b) {
    if (text.length > constants.MAX_STRING_LENGTH)
      return [
        {
          kind: 'unreadable',
          file,
          reason: 'too large to read as one text (over the longest string V8 holds): split it',
        },
      ];
    return [{ kind: 'report', file, csv: text.toString('utf8'), inContent: false }];
  }
  return splitDocuments(text, file).map((item) =>
    item.kind === 'unreadable'
      ? { kind: 'unreadable', file: describePosition(item.position), reason: item.reason }
      : reportOfDocument(describePosition(item.position), item.value),
  );
};

/**
 * Every credential report behind the paths, in order; a path or file that cannot be read says why.
 * A truncated gzip is not audited: a report cut short would audit fewer accounts than it names.
 */
async function* readCredentialReports(
  paths: readonly string[],
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): AsyncGenerator<ReportInput> {
  for await (const entry of readTextFiles(paths, limits, CREDENTIAL_REPORT_FILE)) {
    if (entry.kind === 'unreadable') yield entry;
    else if (entry.cut !== undefined) yield { kind: 'unreadable', file: entry.file, reason: entry.cut };
    else yield* toReportInputs(entry.file, entry.text);
  }
}

export { readCredentialReports };
export type { ReportInput };
