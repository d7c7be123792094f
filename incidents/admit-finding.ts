import { suppressionFor } from '../detection/suppression/suppression-for.ts';
import type { Finding } from '../schemas/finding.ts';
import type { SuppressionRule } from '../schemas/suppression-config.ts';
import type { IncidentTracker } from './incident-tracker.ts';

interface Admission {
  /** Approved exceptions: a suppressed finding carries its rule and pages nobody. */
  suppressions?: readonly SuppressionRule[] | undefined;
  /** When the rules are judged (they expire). */
  now: Date;
  /** Where root sessions are grouped into incidents, when they are (the Lambda's table, a scan's memory). */
  tracker?: IncidentTracker | undefined;
  /** The caller's time budget for the tracker's store (the Lambda invocation's). */
  signal?: AbortSignal | undefined;
}

/**
 * A new finding as every delivery sees it (the Lambda, `rootwatch classify`, an offline scan):
 * checked against the suppression rules first, then placed in its incident, so that a suppressed
 * finding still counts in its session but never pages.
 */
const admitFinding = async (
  finding: Finding,
  { suppressions, now, tracker, signal }: Admission,
): Promise<Finding> => {
  const suppression = suppressions?.length ? suppressionFor(finding, suppressions, now) : undefined;
  const admitted = suppression ? { ...finding, suppression } : finding;
  return tracker ? tracker.track(admitted, { signal }) : admitted;
};

export { admitFinding };
export type { Admission };
