import type { AccountSummary, ScanSummary } from '../../schemas/scan-summary.ts';
import { formatBytes, formatShare } from './bytes.ts';
import { plural } from './plural.ts';
import { counts } from './summary-text.ts';

const day = (time: string | null): string => time?.slice(0, 10) ?? '-';

const ACCOUNT_COLUMNS: ReadonlyArray<[string, number, (account: AccountSummary) => string]> = [
  ['ACCOUNT', 12, (a) => a.account],
  ['USES', 6, (a) => String(a.uses)],
  ['WEEKS', 5, (a) => String(a.weeks)],
  ['KEY', 5, (a) => String(a.longTermKeyUses)],
  [
    'SIGN-INS MFA/NO/?/FAILED',
    24,
    (a) => `${a.signIns.withMfa}/${a.signIns.withoutMfa}/${a.signIns.mfaUnknown}/${a.signIns.failed}`,
  ],
  ['FIRST', 10, (a) => day(a.firstSeen)],
  ['LAST', 10, (a) => day(a.lastSeen)],
  ['BY CREDENTIAL', 0, (a) => counts(a.byCredential)],
];

const accountRow = (cells: string[]): string =>
  cells
    .map((cell, index) => cell.padEnd(ACCOUNT_COLUMNS[index]?.[1] ?? 0))
    .join('  ')
    .trimEnd();

const range = (span: { first: string; last: string } | null): string =>
  span ? (span.first === span.last ? span.first : `${span.first} to ${span.last}`) : 'none';

/** `12 ISO weeks (2026-W02 to 2026-W13), 3 without data; highest share 40% (2026-W05)`, or `no data`. */
const weeklyLine = (weekly: ScanSummary['fleet']['weekly']): string => {
  const first = weekly.weeks[0];
  const last = weekly.weeks.at(-1);
  if (!first || !last) return 'no data';
  const top = weekly.weeks.reduce((best, week) =>
    (week.shareOfAccountsWithRootUse ?? -1) > (best.shareOfAccountsWithRootUse ?? -1) ? week : best,
  );
  return (
    `${plural(weekly.weeks.length, 'ISO week')} (${first.week === last.week ? first.week : `${first.week} to ${last.week}`})` +
    (weekly.weeksWithoutData ? `, ${weekly.weeksWithoutData} without data` : '') +
    (top.accountsWithRootUse
      ? `; highest share of accounts with root use ${formatShare(top.shareOfAccountsWithRootUse)} (${top.week})`
      : '; no root use')
  );
};

/** The closing summary of a scan, for people: what was read, the fleet figures, each account. */
const scanSummaryText = (summary: ScanSummary): string => {
  const { inputs, findings, fleet } = summary;
  const users = summary.accounts.filter((account) => account.uses > 0);
  return [
    `Scanned ${inputs.objectsScanned} objects (${formatBytes(inputs.bytesStored)} stored, ${formatBytes(inputs.bytesScanned)} of JSON), ` +
      `${inputs.objectsWithRecords} holding CloudTrail records, ${inputs.objectsWithMarker} with a root marker, ` +
      `${inputs.recordsParsed} records parsed; ` +
      `pruned by path: ${inputs.foldersPruned} folders, ${inputs.objectsPruned} objects`,
    `Findings: ${findings.total} (${counts(findings.bySeverity)}); no finding: ${counts(findings.ignored)}; outside the filters: ${findings.outsideFilters}`,
    `Period: findings ${range(summary.scope.findingTimes)}; delivery days named by S3 keys ${range(summary.scope.deliveryDays)}` +
      (summary.critical.total ? `; critical findings: ${summary.critical.total}` : ''),
    `  by credential: ${counts(findings.byCredential)}`,
    `  by activity:   ${counts(findings.byActivity)}`,
    `Fleet: ${fleet.accountsWithRootUse} of ${fleet.accountsInArchive} accounts used root (${formatShare(fleet.shareOfAccountsWithRootUse)}); ` +
      `repeat offenders (more than one week): ${fleet.repeatOffenders}, ${formatShare(fleet.repeatOffendersShareOfUses)} of ${plural(fleet.uses, 'use')}`,
    `  long-term access key: ${plural(fleet.longTermKeyUses, 'use')} (${formatShare(fleet.shareOfUsesByLongTermKey)}); ` +
      `console sign-ins without MFA: ${fleet.signIns.withoutMfa} of ${fleet.signIns.withMfa + fleet.signIns.withoutMfa} (${formatShare(fleet.shareOfSignInsWithoutMfa)}), ` +
      `MFA unknown ${fleet.signIns.mfaUnknown}, failed ${fleet.signIns.failed}`,
    `  weekly: ${weeklyLine(fleet.weekly)}`,
    ...(users.length
      ? [
          '',
          accountRow(ACCOUNT_COLUMNS.map(([header]) => header)),
          ...users.map((account) => accountRow(ACCOUNT_COLUMNS.map(([, , cell]) => cell(account)))),
        ]
      : []),
    ...summary.notes.map((note) => `note: ${note}`),
    `Problems: ${inputs.unreadable} unreadable, ${inputs.invalidRecords} invalid records`,
  ].join('\n');
};

export { scanSummaryText };
