import type { AuditedAccount } from '../../posture/audit-summary.ts';
import type { AsOfSource } from '../../posture/time.ts';
import { plural } from '../format/plural.ts';
import type { Markup } from './html.ts';
import { dataTable } from './table.ts';

/** How an as-of was chosen, in the order the audit prefers them. */
const HOW_CHOSEN: ReadonlyArray<{ source: AsOfSource; text: string }> = [
  { source: 'given', text: 'given with --as-of' },
  { source: 'report', text: "the report's GeneratedTime" },
  { source: 'now', text: 'the time of the run' },
];

const howChosen = (source: AsOfSource): string => HOW_CHOSEN.find((how) => how.source === source)!.text;

/** The accounts judged from one source, and the earliest and latest moment judged. */
interface AsOfGroup {
  source: AsOfSource;
  how: string;
  accounts: number;
  /** `2025-06-01T12:00:00Z`, or `… to …` when the accounts were judged at different moments. */
  when: string;
}

const asOfGroups = (rows: readonly AuditedAccount[]): AsOfGroup[] =>
  HOW_CHOSEN.flatMap(({ source, text }) => {
    const times = rows
      .filter((row) => row.asOfSource === source)
      .map((row) => row.asOf)
      .sort();
    if (times.length === 0) return [];
    const [first, last] = [times[0]!, times[times.length - 1]!];
    return [
      { source, how: text, accounts: times.length, when: first === last ? first : `${first} to ${last}` },
    ];
  });

/** `as of 2025-06-01T12:00:00Z (given with --as-of)`; per source when the accounts differ. */
const asOfLine = (rows: readonly AuditedAccount[]): string => {
  const groups = asOfGroups(rows);
  if (groups.length === 0) return 'no account judged';
  return `as of ${groups
    .map(
      ({ how, accounts, when }) =>
        `${when} (${how}${groups.length > 1 ? `, ${plural(accounts, 'account')}` : ''})`,
    )
    .join('; ')}`;
};

const asOfTable = (rows: readonly AuditedAccount[]): Markup =>
  dataTable(
    ['How chosen', 'Accounts', 'As of'],
    asOfGroups(rows).map(({ how, accounts, when }) => [how, accounts, when]),
  );

export { asOfLine, asOfTable, howChosen };
