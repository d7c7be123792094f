import { inputProblemsSection } from './input-problems.ts';
import type { InputProblem } from './input-problems.ts';
import { CREDENTIALS } from '../../schemas/finding-enums.ts';
import type { ScanSummary } from '../../schemas/scan-summary.ts';
import { formatBytes, formatShare } from '../format/bytes.ts';
import { barList } from './bar-list.ts';
import { columnChart } from './column-chart.ts';
import { buildPage, footerText } from './page.ts';
import type { KeyFigure, Section } from './page.ts';
import { PALETTE } from './palette.ts';
import { shareRing } from './share-ring.ts';
import { dataTable } from './table.ts';

/** `2026-01-31T23:59:59Z` → `2026-01-31 23:59`. */
const minute = (time: string | null): string => (time ? time.slice(0, 16).replace('T', ' ') : '-');

/** Accounts drawn in the per-account chart; the table lists them all. */
const CHART_ACCOUNTS = 25;

const figures = (summary: ScanSummary): KeyFigure[] => {
  const { fleet } = summary;
  const tone = (bad: boolean) => (bad ? 'danger' : 'ok');
  return [
    {
      value: formatShare(fleet.shareOfAccountsWithRootUse),
      label: `of accounts used root (${fleet.accountsWithRootUse} of ${fleet.accountsInArchive})`,
      tone: tone(fleet.accountsWithRootUse > 0),
    },
    {
      value: String(fleet.repeatOffenders),
      label: `repeat offenders (root in more than one week): ${formatShare(fleet.repeatOffendersShareOfUses)} of all uses`,
      tone: tone(fleet.repeatOffenders > 0),
    },
    {
      value: formatShare(fleet.shareOfUsesByLongTermKey),
      label: `of uses by a long-term access key (${fleet.longTermKeyUses} of ${fleet.uses})`,
      tone: tone(fleet.longTermKeyUses > 0),
    },
    {
      value: formatShare(fleet.shareOfSignInsWithoutMfa),
      label: `of console sign-ins without MFA (${fleet.signIns.withoutMfa} of ${fleet.signIns.withMfa + fleet.signIns.withoutMfa})`,
      tone: tone(fleet.signIns.withoutMfa > 0),
    },
  ];
};

const sections = (summary: ScanSummary): Section[] => {
  const { fleet, inputs } = summary;
  const users = summary.accounts.filter((account) => account.uses > 0);
  return [
    {
      title: 'Root uses per week',
      note: 'Weeks start on Monday (UTC). A use is a root finding other than an AWS service acting as root.',
      content: columnChart(
        fleet.usesPerWeek.map(({ week, uses }) => ({ label: week, value: uses })),
        { title: 'Root uses per week', unit: 'use' },
      ),
    },
    {
      title: 'Root uses per account',
      note:
        users.length > CHART_ACCOUNTS
          ? `The ${CHART_ACCOUNTS} accounts with the most uses, by credential.`
          : 'By credential.',
      content: barList(
        users.slice(0, CHART_ACCOUNTS).map((account) => ({
          label: account.account,
          parts: CREDENTIALS.map((credential) => ({
            name: credential,
            value: account.byCredential[credential],
          })),
        })),
        { title: 'Root uses per account, by credential' },
      ),
    },
    {
      title: 'How root authenticated',
      content: barList(
        CREDENTIALS.filter((credential) => fleet.byCredential[credential] > 0).map((credential) => ({
          label: credential,
          parts: [{ name: 'uses', value: fleet.byCredential[credential] }],
        })),
        { title: 'Root uses by credential' },
      ),
    },
    {
      title: 'MFA on root console sign-ins',
      note: `Successful ConsoleLogin events; the share is of those whose MFA the record states. Failed sign-ins (not in the ring): ${fleet.signIns.failed}.`,
      content: shareRing(
        [
          { name: 'without MFA', value: fleet.signIns.withoutMfa, colour: PALETTE.danger },
          { name: 'with MFA', value: fleet.signIns.withMfa, colour: PALETTE.ok },
          { name: 'not recorded', value: fleet.signIns.mfaUnknown, colour: PALETTE.neutral },
        ],
        {
          title: 'Share of root console sign-ins without MFA',
          caption: 'without MFA',
          share: fleet.shareOfSignInsWithoutMfa,
        },
      ),
    },
    {
      title: 'Accounts',
      content: dataTable(
        ['Account', 'Uses', 'Weeks', 'Long-term key', 'Sign-ins without MFA', 'First seen', 'Last seen'],
        users.map((account) => [
          account.account,
          account.uses,
          account.weeks,
          account.longTermKeyUses,
          account.signIns.withoutMfa,
          minute(account.firstSeen),
          minute(account.lastSeen),
        ]),
      ),
    },
    {
      title: 'What was read',
      content: dataTable(
        [
          'Objects scanned',
          'Stored',
          'JSON',
          'Holding CloudTrail records',
          'With a root marker',
          'Pruned (folders / objects)',
          'Unreadable',
          'Invalid records',
        ],
        [
          [
            inputs.objectsScanned,
            formatBytes(inputs.bytesStored),
            formatBytes(inputs.bytesScanned),
            inputs.objectsWithRecords,
            inputs.objectsWithMarker,
            `${inputs.foldersPruned} / ${inputs.objectsPruned}`,
            inputs.unreadable,
            inputs.invalidRecords,
          ],
        ],
      ),
    },
  ];
};

/**
 * The `--report` page of `rootwatch scan`: the fleet figures at a glance, then the charts, and last
 * the objects and records that could not be read, as stderr had them.
 */
const scanReportPage = (
  summary: ScanSummary,
  generatedAt = new Date(),
  problems: { listed: readonly InputProblem[]; total: number } = { listed: [], total: 0 },
): string => {
  const inputs = inputProblemsSection(
    problems.listed,
    'The objects that could not be read and the records that were not valid: what they held is not counted above.',
    problems.total,
  );
  return buildPage({
    title: 'Root activity in CloudTrail',
    subtitle: `${summary.findings.total} root findings in ${summary.inputs.objectsScanned} CloudTrail objects; ${summary.fleet.accountsInArchive} accounts (${summary.fleet.accountsBasis}).`,
    figures: figures(summary),
    sections: [...sections(summary), ...(inputs ? [inputs] : [])],
    footer: footerText('scan', generatedAt, summary.notes),
  });
};

export { scanReportPage };
