import type { FindingSummary } from '../../findings/finding-summary.ts';
import { plural } from './plural.ts';

/** `critical 2, high 1`: the non-zero counts of a record, in its order; `none` without any. */
const counts = (record: Record<string, number>): string =>
  Object.entries(record)
    .filter(([, count]) => count > 0)
    .map(([key, count]) => `${key} ${count}`)
    .join(', ') || 'none';

/** The closing summary of a run, for people. */
const summaryText = (summary: FindingSummary): string =>
  [
    `Summary: ${plural(summary.findings, 'finding')}`,
    `  by severity:   ${counts(summary.bySeverity)}`,
    `  by credential: ${counts(summary.byCredential)}`,
    `  by activity:   ${counts(summary.byActivity)}`,
    `  no finding:    ${counts(summary.ignored)}`,
    `  invalid input: ${summary.invalid}`,
    ...(summary.incidentIds.size
      ? [
          `  incidents:     ${summary.incidentIds.size} (${plural(summary.pages, 'finding')} opened or escalated one; the rest updated theirs)`,
        ]
      : []),
    ...(summary.suppressed ? [`  suppressed:    ${summary.suppressed} (recorded, not alerted)`] : []),
  ].join('\n');

export { summaryText, counts };
