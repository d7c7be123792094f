import { rank } from '../detection/severity/severity-facts.ts';
import type { Finding, Severity } from '../schemas/finding.ts';

/**
 * Whether `finding` trips `--fail-on SEVERITY`: at or above it, and not suppressed (an approved
 * exception is shown, never a failure). Without the option nothing trips.
 */
const tripsFailOn = (finding: Finding, failOn: Severity | undefined): boolean =>
  failOn !== undefined && !finding.suppression && rank(finding.severity) <= rank(failOn);

/** The exit code of a command that reads input and may fail on findings: 2 (bad input) wins over 1. */
const inputExitCode = ({ invalid, failing }: { invalid: boolean; failing: boolean }): 0 | 1 | 2 =>
  invalid ? 2 : failing ? 1 : 0;

export { tripsFailOn, inputExitCode };
