import { inputProblemsSection } from './input-problems.ts';
import type { InputProblem } from './input-problems.ts';
import { CREDENTIALS, SEVERITIES } from '../../schemas/finding-enums.ts';
import type { ScanSummary } from '../../schemas/scan-summary.ts';
import { formatBytes, formatShare } from '../format/bytes.ts';
import { barList } from './bar-list.ts';
import { columnChart } from './column-chart.ts';
import { buildPage, footerText } from './page.ts';
import type { KeyFigure, Section } from './page.ts';
import { PALETTE } from './palette.ts';
import { shareRing } from './share-ring.ts';
import { dataTable } from './table.ts';
import { emptyState } from './empty-state.ts';
import { html } from './html.ts';
import { TONE_COLOURS } from './palette.ts';
import { weeklySections } from './weekly-sections.ts';

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

/** The severities' colours: critical and high are bad news, medium in doubt, the rest quiet. */
const SEVERITY_COLOURS: Readonly<Record<string, string>> = {
  critical: TONE_COLOURS.danger,
  high: PALETTE.accent,
  medium: PALETTE.bar,
  low: TONE_COLOURS.neutral,
  info: PALETTE.grid,
};

/** What no data means for this scan: nothing read at all, or read and no root use in it. */
const nothingRead = (summary: ScanSummary): string | undefined =>
  summary.inputs.objectsScanned === 0
    ? 'no CloudTrail object was read: check the paths and filters in Scope.'
    : undefined;

const period = (range: { first: string; last: string } | null, what: string): string =>
  range ? (range.first === range.last ? range.first : `${range.first} to ${range.last}`) : `no ${what}`;

/** What the scan covered: the paths, the filters as given, and the times the data itself holds. */
const scopeSection = (summary: ScanSummary): Section => {
  const { scope } = summary;
  const filter = (values: readonly string[]) => (values.length ? values.join(', ') : 'all');
  return {
    title: 'Scope',
    note: 'What was asked (paths, filters) and what the data held (delivery days named by S3 keys, event times of the findings).',
    content: dataTable(
      ['', ''],
      [
        ['Sources', html`<div class="wrap">${scope.sources.join(', ')}</div>`],
        ['Since', scope.filters.since ?? 'no limit'],
        ['Until', scope.filters.until ?? 'no limit'],
        ['Accounts', filter(scope.filters.accounts)],
        ['Regions', filter(scope.filters.regions)],
        ['Delivery days (S3 keys)', period(scope.deliveryDays, 'key in the AWSLogs/ layout')],
        ['Findings (event times)', period(scope.findingTimes, 'finding')],
        ['Left out by the filters', summary.findings.outsideFilters],
      ],
    ),
  };
};

const severitySection = (summary: ScanSummary): Section => ({
  title: 'Severity',
  note: 'Every root finding by severity (AWS services acting as root included).',
  content: summary.findings.total
    ? barList(
        SEVERITIES.filter((severity) => summary.findings.bySeverity[severity] > 0).map((severity) => ({
          label: severity,
          parts: [{ name: severity, value: summary.findings.bySeverity[severity] }],
        })),
        { title: 'Root findings by severity', colours: SEVERITY_COLOURS },
      )
    : emptyState(nothingRead(summary) ? 'No data' : 'None', nothingRead(summary) ?? 'no root finding.'),
});

const criticalSection = (summary: ScanSummary): Section => {
  const { critical } = summary;
  return {
    title: 'Critical findings',
    note:
      critical.total > critical.listed.length
        ? `The first ${critical.listed.length} of ${critical.total}, earliest first; --out has them all.`
        : 'Earliest first.',
    content: critical.total
      ? dataTable(
          ['Time (UTC)', 'Account', 'Region', 'Event', 'Credential', 'What'],
          critical.listed.map((finding) => [
            minute(finding.time),
            finding.account,
            finding.region,
            finding.eventName,
            finding.credential,
            html`<div class="wrap">${finding.title}</div>`,
          ]),
        )
      : emptyState(
          nothingRead(summary) ? 'No data' : 'None',
          nothingRead(summary) ?? 'no critical root finding in what was read.',
        ),
  };
};

const sections = (summary: ScanSummary): Section[] => {
  const { fleet, inputs } = summary;
  const users = summary.accounts.filter((account) => account.uses > 0);
  const noUse = (): ReturnType<typeof emptyState> =>
    emptyState(
      nothingRead(summary) ? 'No data' : 'None',
      nothingRead(summary) ?? 'no root use in what was read.',
    );
  const signIns = fleet.signIns.withMfa + fleet.signIns.withoutMfa + fleet.signIns.mfaUnknown;
  return [
    scopeSection(summary),
    severitySection(summary),
    criticalSection(summary),
    ...weeklySections(
      fleet.weekly,
      nothingRead(summary) ?? 'no object in the AWSLogs/ layout and no finding, so no week was observed.',
    ),
    {
      title: 'Root uses per week',
      note: 'Weeks start on Monday (UTC). A use is a root finding other than an AWS service acting as root.',
      content: fleet.usesPerWeek.length
        ? columnChart(
            fleet.usesPerWeek.map(({ week, uses }) => ({ label: week, value: uses })),
            { title: 'Root uses per week', unit: 'use' },
          )
        : noUse(),
    },
    {
      title: 'Root uses per account',
      note:
        users.length > CHART_ACCOUNTS
          ? `The ${CHART_ACCOUNTS} accounts with the most uses, by credential.`
          : 'By credential.',
      content:
        users.length === 0
          ? noUse()
          : barList(
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
      content:
        fleet.uses === 0
          ? noUse()
          : barList(
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
      content:
        signIns === 0
          ? emptyState(
              nothingRead(summary) ? 'No data' : 'None',
              nothingRead(summary) ?? 'no successful root console sign-in.',
            )
          : shareRing(
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
      content:
        users.length === 0
          ? noUse()
          : dataTable(
              [
                'Account',
                'Uses',
                'Weeks',
                'Which weeks',
                'Long-term key',
                'Sign-ins without MFA',
                'First seen',
                'Last seen',
              ],
              users.map((account) => [
                account.account,
                account.uses,
                account.weeks,
                html`<div class="wrap">${account.weeksWithRootUse.join(', ')}</div>`,
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
 * The `--report` page of `rootwatch scan`: the fleet figures at a glance, the scope (sources, period,
 * filters), severity and the critical findings, the weekly series and repeat offenders, then the
 * charts, and last the objects and records that could not be read, as stderr had them. Every chart
 * or table with nothing to show says so: "No data" when nothing was read, "None" when it was.
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
