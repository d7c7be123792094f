import type { AuditSummary } from '../../posture/audit-summary.ts';
import { latestByAccount } from '../../posture/audit-summary.ts';
import { days } from '../../posture/time.ts';
import { plural } from '../format/plural.ts';
import { accountsTable } from './audit-accounts.ts';
import { asOfLine, asOfTable } from './audit-as-of.ts';
import { checksSection } from './audit-checks.ts';
import { inputProblemsSection } from './input-problems.ts';
import type { InputProblem } from './input-problems.ts';
import { fleetFigureCards, studySection } from './audit-fleet.ts';
import { keyAgesSection } from './key-ages-section.ts';
import { buildPage, footerText } from './page.ts';
import { rootAccessSection } from './root-access-section.ts';
import { weeklySections } from './weekly-sections.ts';

const notes = (summary: AuditSummary): string[] => [
  ...(summary.invalidInputs
    ? [`${plural(summary.invalidInputs, 'input')} could not be audited (see Inputs)`]
    : []),
  ...summary.duplicateAccounts.map(
    (account) => `account ${account} was audited more than once; its latest report counts`,
  ),
];

/**
 * The `--report` page of `rootwatch audit`: the fleet figures beside the field study's, the weekly
 * series over every report and the repeat offenders, the root keys' ages, the status counts of every
 * check, centralized root access, then every account, failures first, with its checks and root evidence.
 * An account audited twice shows once, as it counts in the figures: from its latest report. Inputs
 * that could not be audited, and warnings, are listed last, as stderr had them.
 */
const auditReportPage = (
  summary: AuditSummary,
  generatedAt: Date,
  problems: readonly InputProblem[] = [],
): string => {
  const rows = latestByAccount(summary.rows);
  const inputs = inputProblemsSection(
    problems,
    'The inputs that could not be audited (their accounts are missing above) and the warnings of the others.',
  );
  const { windowDays, minAccountAgeDays } = summary.settings;
  return buildPage({
    title: 'Root posture in IAM credential reports',
    subtitle:
      `${plural(summary.accounts, 'account')} audited from ${plural(summary.reports, 'credential report')}` +
      `${summary.invalidInputs ? ` (${plural(summary.invalidInputs, 'invalid input')})` : ''}` +
      `${rows.length ? `, ${asOfLine(rows)}` : ''}.`,
    figures: fleetFigureCards(summary),
    sections: [
      studySection(summary),
      ...weeklySections(summary.weekly, 'no credential report was read, so no week was observed.'),
      keyAgesSection(summary.keyAges),
      checksSection(summary, rows),
      rootAccessSection(summary),
      {
        title: 'Accounts',
        note: 'Accounts with failed checks first. The evidence is what the credential report says.',
        content: accountsTable(rows),
      },
      {
        title: 'As of',
        note:
          'Each report is judged as of --as-of when given, else its GeneratedTime (the JSON form), else ' +
          'the time of the run (a CSV report has no time of its own). Root use fails within ' +
          `${days(windowDays)} before it; root users younger than ${days(minAccountAgeDays)} are not judged on use.`,
        content: asOfTable(rows),
      },
      ...(inputs ? [inputs] : []),
    ],
    footer: footerText('audit', generatedAt, notes(summary)),
  });
};

export { auditReportPage };
