import type { Finding } from '../../schemas/finding.ts';
import { serviceOf } from '../../detection/record-fields.ts';
import { fixedWidthTable } from './fixed-width.ts';

/** Fixed widths, so that rows print as they come, without waiting for the whole input. */
const table = fixedWidthTable<Finding>([
  { header: 'SEVERITY', width: 8, cell: (f) => f.severity.toUpperCase() },
  { header: 'TIME', width: 20, cell: (f) => f.time },
  { header: 'ACCOUNT', width: 12, cell: (f) => f.account },
  { header: 'REGION', width: 14, cell: (f) => f.region },
  { header: 'CREDENTIAL', width: 15, cell: (f) => f.credential },
  { header: 'ACTIVITY', width: 17, cell: (f) => f.activity },
  { header: 'OUTCOME', width: 7, cell: (f) => f.outcome },
  { header: 'MFA', width: 4, cell: (f) => (f.mfa === null ? '-' : f.mfa ? 'yes' : 'no') },
  { header: 'EVENT', width: 36, cell: (f) => `${serviceOf(f.eventSource)}:${f.eventName}` },
  {
    header: 'SOURCE',
    width: 0,
    cell: (f) => `${f.sourceIp ?? '-'}${f.suppression ? `  (suppressed: ${f.suppression.ruleId})` : ''}`,
  },
]);

const tableHeader = (): string => table.header();
const tableRow = (finding: Finding): string => table.row(finding);

export { tableHeader, tableRow };
