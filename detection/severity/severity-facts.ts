import type { CloudTrailRecord } from '../../schemas/cloudtrail-record.ts';
import type { Activity, Credential, Outcome, Severity } from '../../schemas/finding.ts';
import { SEVERITIES } from '../../schemas/finding-enums.ts';

/** What the severity policy decides on: the record and what the classifier already found. */
interface SeverityFacts {
  record: CloudTrailRecord;
  account: string;
  credential: Credential;
  activity: Activity;
  outcome: Outcome;
  mfa: boolean | null;
}

const RANKS = Object.fromEntries(SEVERITIES.map((severity, index) => [severity, index])) as Record<
  Severity,
  number
>;

/** 0 for critical … 4 for info: lower is more severe. */
const rank = (severity: Severity): number => RANKS[severity];

/** `critical` → `high` → … → `info`; `info` stays `info`. */
const oneStepLower = (severity: Severity): Severity =>
  SEVERITIES[Math.min(rank(severity) + 1, SEVERITIES.length - 1)] ?? severity;

const isMoreSevere = (a: Severity, b: Severity): boolean => rank(a) < rank(b);

export { rank, oneStepLower, isMoreSevere };
export type { SeverityFacts };
