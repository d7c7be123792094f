import type { CoveragePlace, CoverageReport } from '../../schemas/coverage-report.ts';
import { fixedWidthTable } from './fixed-width.ts';

const age = (minutes: number | null): string => {
  if (minutes === null) return '-';
  if (minutes < 120) return `${minutes} min`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} h`;
  return `${Math.floor(minutes / 1440)} d`;
};

const COLUMNS = fixedWidthTable<CoveragePlace>([
  { header: 'ACCOUNT', width: 12, cell: (place) => place.account },
  { header: 'REGION', width: 14, cell: (place) => place.region },
  { header: 'LIVENESS', width: 11, cell: (place) => place.liveness },
  { header: 'LAST HEARD', width: 20, cell: (place) => place.lastHeard?.slice(0, 19).concat('Z') ?? 'never' },
  { header: 'AGO', width: 7, cell: (place) => age(place.silentForMinutes) },
  { header: 'TRAIL', width: 20, cell: (place) => place.trail },
  { header: 'COVERED', width: 0, cell: (place) => (place.covered ? 'yes' : 'NO') },
]);

/** The report as a table, then one line of totals and the problems: what a terminal shows. */
const coverageText = (report: CoverageReport): string[] => {
  const { summary } = report;
  const lines = [COLUMNS.header(), ...report.places.map((place) => COLUMNS.row(place))];
  if (report.places.length === 0) lines.push('(no place: the liveness table is empty and none was expected)');
  lines.push(
    '',
    `${summary.covered} of ${summary.places} places covered: ${summary.live} live, ${summary.silent} silent for over ${report.silentAfterMinutes} min, ${summary.neverHeard} never heard` +
      (report.trailsChecked
        ? `, ${summary.trailGaps} without a trail logging read and write management events`
        : ' (trails not checked)'),
  );
  for (const place of report.places.filter((one) => one.excludedSources.length))
    lines.push(
      `  ${place.account} ${place.region}: the trail leaves out ${place.excludedSources.join(', ')}`,
    );
  for (const problem of report.problems) lines.push(`  could not read: ${problem}`);
  return lines;
};

export { coverageText };
