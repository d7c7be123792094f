import type { PostureResult } from '../../schemas/posture-result.ts';
import { fixedWidthTable } from './fixed-width.ts';

/** The CIS recommendation numbers a result answers (`1.4`), once each, in version order. */
const cisIds = (result: PostureResult): string[] => [
  ...new Set(result.controls.map((control) => control.id)),
];

/** One row per account and check; the CIS column lists the recommendation numbers, version order. */
const table = fixedWidthTable<PostureResult>([
  { header: 'ACCOUNT', width: 12, cell: (r) => r.account },
  { header: 'CHECK', width: 23, cell: (r) => r.check },
  { header: 'STATUS', width: 7, cell: (r) => r.status.toUpperCase() },
  { header: 'CIS', width: 9, cell: (r) => cisIds(r).join(',') },
  { header: 'DETAIL', width: 0, cell: (r) => r.detail },
]);

const postureTableHeader = (): string => table.header();
const postureTableRow = (result: PostureResult): string => table.row(result);

export { cisIds, postureTableHeader, postureTableRow };
