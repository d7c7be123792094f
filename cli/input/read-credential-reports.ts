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

/** A file is the JSON form (`aws iam get-credential-report`) when it starts with `{`, else CSV. */
const toReportInput = (file: string, text: string): ReportInput => {
  if (!text.trimStart().startsWith('{')) return { kind: 'report', file, csv: text, inContent: false };
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return { kind: 'unreadable', file, reason: `invalid JSON: ${(error as Error).message}` };
  }
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

/** Every credential report behind the paths, in order; a path or file that cannot be read says why. */
async function* readCredentialReports(paths: readonly string[]): AsyncGenerator<ReportInput> {
  for await (const entry of readTextFiles(paths, CREDENTIAL_REPORT_FILE))
    yield entry.kind === 'unreadable' ? entry : toReportInput(entry.file, entry.text);
}

export { readCredentialReports, toReportInput };
export type { ReportInput };
