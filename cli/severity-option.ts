import { SEVERITIES } from '../schemas/finding-enums.ts';
import type { Severity } from '../schemas/finding.ts';
import { UsageError } from './usage-error.ts';

/** A severity option's value (`--fail-on`, `--alert-min-severity`), checked against the severities. */
const severityOption = (value: string | undefined, option: string): Severity | undefined => {
  if (value === undefined) return undefined;
  if (!(SEVERITIES as readonly string[]).includes(value)) {
    throw new UsageError(`${option} takes one of ${SEVERITIES.join(', ')}, not "${value}"`);
  }
  return value as Severity;
};

export { severityOption };
