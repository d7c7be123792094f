import type { Finding } from '../../schemas/finding.ts';
import { serviceOf } from '../../detection/record-fields.ts';

/** Fixed widths, so that rows print as they come, without waiting for the whole input. */
const COLUMNS: ReadonlyArray<{ header: string; width: number; cell(finding: Finding): string }> = [
  { header: 'SEVERITY', width: 8, cell: (f) => f.severity.toUpperCase() },
  { header: 'TIME', width: 20, cell: (f) => f.time },
  { header: 'ACCOUNT', width: 12, cell: (f) => f.account },
  { header: 'REGION', width: 14, cell: (f) => f.region },
  { header: 'CREDENTIAL', width: 15, cell: (f) => f.credential },
  { header: 'ACTIVITY', width: 17, cell: (f) => f.activity },
  { header: 'OUTCOME', width: 7, cell: (f) => f.outcome },
  { header: 'MFA', width: 4, cell: (f) => (f.mfa === null ? '-' : f.mfa ? 'yes' : 'no') },
  { header: 'EVENT', width: 36, cell: (f) => `${serviceOf(f.eventSource)}:${f.eventName}` },
  { header: 'SOURCE', width: 0, cell: (f) => f.sourceIp ?? '-' },
];

const fit = (text: string, width: number): string => {
  if (width === 0) return text;
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
};

const row = (cells: readonly string[]): string =>
  cells
    .map((cell, index) => fit(cell, COLUMNS[index]?.width ?? 0))
    .join('  ')
    .trimEnd();

const tableHeader = (): string => row(COLUMNS.map((column) => column.header));
const tableRow = (finding: Finding): string => row(COLUMNS.map((column) => column.cell(finding)));

export { tableHeader, tableRow };
