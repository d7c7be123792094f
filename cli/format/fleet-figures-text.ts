import type { AuditSummary, FleetFigure } from '../../posture/audit-summary.ts';
import { formatShare } from './bytes.ts';
import { plural } from './plural.ts';

/** What a figure's share leaves out: `; 1 skipped, 2 unknown`, or nothing. */
const setAside = (figure: FleetFigure): string => {
  const parts = [
    figure.skipped ? `${figure.skipped} skipped` : '',
    figure.unknown ? `${figure.unknown} unknown` : '',
  ].filter(Boolean);
  return parts.length ? `; ${parts.join(', ')}` : '';
};

const figureLine = (figure: FleetFigure, width: number): string => {
  const share =
    figure.share === null
      ? 'no account decided'
      : `${figure.failing} of ${figure.decided} (${formatShare(figure.share)})`;
  return `  ${figure.label.padEnd(width)}  ${share}${setAside(figure)}`;
};

/** `2 active, 1 over 90 days, 1 of unknown age`, or `none active`. */
const keyAgesText = ({ keyAges }: AuditSummary): string =>
  keyAges.keys === 0
    ? 'none active'
    : `${keyAges.keys} active, ${keyAges.over90Days} over 90 days` +
      (keyAges.unknown ? `, ${keyAges.unknown} of unknown age` : '');

/** `6 weeks (2025-W18 to 2025-W23), 1 repeat offender, 2 weeks without data`. */
const weeklyText = ({ weekly }: AuditSummary): string => {
  const first = weekly.weeks[0];
  const last = weekly.weeks.at(-1);
  if (!first || !last) return 'no data';
  return (
    `${plural(weekly.weeks.length, 'week')} (${first.week === last.week ? first.week : `${first.week} to ${last.week}`}), ` +
    `${plural(weekly.repeatOffenders, 'repeat offender')}` +
    (weekly.weeksWithoutData ? `, ${plural(weekly.weeksWithoutData, 'week')} without data` : '')
  );
};

/**
 * The fleet figures of the field study, for people: the share of the accounts whose check was
 * decided, and how many were skipped or unknown; then where each account's as-of came from.
 */
const fleetFiguresText = (summary: AuditSummary): string => {
  const width = Math.max(...summary.figures.map((figure) => figure.label.length));
  const { report, given, now } = summary.asOfSources;
  const asOf = [
    report ? `the report's GeneratedTime for ${report}` : '',
    given ? `given for ${given}` : '',
    now ? `now for ${now}` : '',
  ].filter(Boolean);
  return [
    `Fleet: ${plural(summary.accounts, 'account')} audited` +
      (summary.reports > summary.accounts ? ` from ${plural(summary.reports, 'report')}` : '') +
      (summary.invalidInputs ? `, ${plural(summary.invalidInputs, 'invalid input')}` : ''),
    ...summary.figures.map((figure) => figureLine(figure, width)),
    ...(summary.rootCredentials.none
      ? [
          `  without root credentials: ${summary.rootCredentials.none} of ${summary.accounts} (their MFA checks pass)`,
        ]
      : []),
    `  root keys: ${keyAgesText(summary)}`,
    `  weekly: ${weeklyText(summary)}`,
    `  as of: ${asOf.join(', ')}`,
  ].join('\n');
};

export { fleetFiguresText, setAside };
