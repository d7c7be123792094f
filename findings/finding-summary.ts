import type { Activity, Credential, Finding, Severity } from '../schemas/finding.ts';
import { ACTIVITIES, CREDENTIALS, SEVERITIES } from '../schemas/finding-enums.ts';

/** Counts a run reports at the end: findings by severity, credential and activity, and the rest. */
interface FindingSummary {
  findings: number;
  bySeverity: Record<Severity, number>;
  byCredential: Record<Credential, number>;
  byActivity: Record<Activity, number>;
  ignored: Record<string, number>;
  invalid: number;
  /** The incidents the findings fell into (when grouped), and the findings that opened or escalated one. */
  incidentIds: Set<string>;
  pages: number;
  /** Findings a suppression rule kept from paging. */
  suppressed: number;
}

const zeroes = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

const emptySummary = (): FindingSummary => ({
  findings: 0,
  bySeverity: zeroes(SEVERITIES),
  byCredential: zeroes(CREDENTIALS),
  byActivity: zeroes(ACTIVITIES),
  ignored: {},
  invalid: 0,
  incidentIds: new Set(),
  pages: 0,
  suppressed: 0,
});

const countFinding = (summary: FindingSummary, finding: Finding): void => {
  summary.findings += 1;
  summary.bySeverity[finding.severity] += 1;
  summary.byCredential[finding.credential] += 1;
  summary.byActivity[finding.activity] += 1;
  if (finding.suppression) summary.suppressed += 1;
  if (finding.incident) {
    summary.incidentIds.add(finding.incident.id);
    if (!finding.suppression && finding.incident.alert !== 'update') summary.pages += 1;
  }
};

const countIgnored = (summary: FindingSummary, reason: string): void => {
  summary.ignored[reason] = (summary.ignored[reason] ?? 0) + 1;
};

export { emptySummary, countFinding, countIgnored };
export type { FindingSummary };
