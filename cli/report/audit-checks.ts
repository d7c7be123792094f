import type { AuditedAccount, AuditSummary } from '../../posture/audit-summary.ts';
import { POSTURE_CHECKS, POSTURE_STATUSES } from '../../schemas/posture-result.ts';
import type { PostureCheckId } from '../../schemas/posture-result.ts';
import { cisIds } from '../format/posture-table.ts';
import { barList } from './bar-list.ts';
import { html } from './html.ts';
import type { Section } from './page.ts';
import { STATUS_COLOURS } from './posture-status.ts';
import { dataTable } from './table.ts';

/** The CIS recommendations a check answers, as the results name them (`1.4`), or `-` with no result. */
const cisOf = (rows: readonly AuditedAccount[], check: PostureCheckId): string => {
  const result = rows.flatMap((row) => row.results).find((candidate) => candidate.check === check);
  return result ? cisIds(result).join(', ') : '-';
};

/** How many accounts passed, failed, were unknown or skipped, per check: a stacked chart, then the counts. */
const checksSection = (summary: AuditSummary, rows: readonly AuditedAccount[]): Section => ({
  title: 'Checks',
  note: 'Accounts by status, per check. Unknown: the report cannot decide; skipped: the check does not apply.',
  content: html`${barList(
    POSTURE_CHECKS.map((check) => ({
      label: check,
      parts: POSTURE_STATUSES.map((status) => ({ name: status, value: summary.statuses[check][status] })),
    })),
    { title: 'Accounts by status, per check', colours: STATUS_COLOURS },
  )}${dataTable(
    ['Check', 'CIS', ...POSTURE_STATUSES.map((status) => status[0]!.toUpperCase() + status.slice(1))],
    POSTURE_CHECKS.map((check) => [
      check,
      cisOf(rows, check),
      ...POSTURE_STATUSES.map((status) => summary.statuses[check][status]),
    ]),
  )}`,
});

export { checksSection };
