import type { CisVersion } from '../schemas/detector-config.ts';
import type { PostureResult } from '../schemas/posture-result.ts';
import type { RootPostureFacts } from '../schemas/root-posture-facts.ts';
import { cisControlsOf } from '../detection/controls/cis-catalogue.ts';
import { POSTURE_CHECK_RULES } from './checks/index.ts';
import type { CredentialReport } from './read-credential-report.ts';
import type { AsOfSource } from './time.ts';

/** How the audit judges: the usage window, the age below which root use is expected, the CIS versions. */
interface AuditSettings {
  /** Root use within this many days before the as-of fails `root-recent-use` (CIS: 1). */
  windowDays: number;
  /** Accounts whose root user is younger than this are not judged on root use (the field study: 30). */
  minAccountAgeDays: number;
  cisVersions: readonly CisVersion[];
}

const AUDIT_DEFAULTS: Readonly<AuditSettings> = Object.freeze({
  windowDays: 1,
  minAccountAgeDays: 30,
  cisVersions: Object.freeze(['3.0.0'] as const),
});

/** The moment the audit judges, and where it came from (the output says which). */
interface AsOf {
  at: number;
  source: AsOfSource;
}

/**
 * Runs the root posture checks on one account's credential report: one result per check, in
 * report order. Pure: the clock and, in the AWS mode, the facts learnt from IAM are arguments, so
 * the CLI (report alone) and a scheduled function (report plus facts) share it.
 */
const auditRoot = (
  report: CredentialReport,
  asOf: AsOf,
  settings: AuditSettings = AUDIT_DEFAULTS,
  facts?: RootPostureFacts,
): PostureResult[] =>
  POSTURE_CHECK_RULES.map((check) => {
    const verdict = check.evaluate({
      account: report.account,
      root: report.root,
      asOf: asOf.at,
      asOfSource: asOf.source,
      windowDays: settings.windowDays,
      minAccountAgeDays: settings.minAccountAgeDays,
      facts,
    });
    return {
      account: report.account,
      check: check.id,
      status: verdict.status,
      controls: settings.cisVersions.flatMap((version) => cisControlsOf(check.topic, version)),
      detail: verdict.detail,
      evidence: {
        ...Object.fromEntries(verdict.columns.map((column) => [column, report.rootText[column]])),
        ...verdict.apiEvidence,
      },
    };
  });

export { auditRoot, AUDIT_DEFAULTS };
export type { AuditSettings, AsOf };
