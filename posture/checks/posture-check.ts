import type { CredentialReportColumn, CredentialReportRow } from '../../schemas/credential-report.ts';
import type { PostureCheckId, PostureStatus } from '../../schemas/posture-result.ts';
import type { RootPostureFacts } from '../../schemas/root-posture-facts.ts';
import type { CisTopic, LaterCisTopic } from '../../detection/controls/cis-catalogue.ts';
import type { AsOfSource } from '../time.ts';

/** What every check may read: the root row, the audit's clock and settings, and the AWS facts if any. */
interface PostureInput {
  account: string;
  root: CredentialReportRow;
  /** Epoch milliseconds: the moment the audit judges (`--as-of`). */
  asOf: number;
  asOfSource: AsOfSource;
  windowDays: number;
  minAccountAgeDays: number;
  /** Absent when auditing a credential report alone (the CLI). */
  facts?: RootPostureFacts | undefined;
}

/** A check's answer: the status, one line for people, and what it rested on. */
interface PostureVerdict {
  status: PostureStatus;
  detail: string;
  /** The report columns read; the result's `evidence` gives them as the report wrote them. */
  columns: readonly CredentialReportColumn[];
  /** AWS API answers used (AWS mode), keyed `iam:<Action>`. */
  apiEvidence?: Readonly<Record<string, string>>;
}

/**
 * One root posture check: a pure function of the root row, the clock and the AWS facts. Its id is
 * its file name; `topic` names the CIS recommendation it answers; `source` cites the facts it rests on.
 */
interface PostureCheck {
  id: PostureCheckId;
  topic: CisTopic | LaterCisTopic;
  source: string;
  evaluate(input: PostureInput): PostureVerdict;
}

export type { PostureCheck, PostureInput, PostureVerdict };
