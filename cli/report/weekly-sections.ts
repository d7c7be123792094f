import type { WeeklySeries } from '../../schemas/weekly-series.ts';
import { formatShare } from '../format/bytes.ts';
import { plural } from '../format/plural.ts';
import { columnChart } from './column-chart.ts';
import { emptyState } from './empty-state.ts';
import { html } from './html.ts';
import type { Section } from './page.ts';
import { dataTable } from './table.ts';

/** Repeat offenders listed in the table; the count above says how many there are in all. */
const LISTED_OFFENDERS = 50;
/** Weeks listed in the table below the chart (the chart draws every week). */
const LISTED_WEEKS = 60;

const usedWeeks = (series: WeeklySeries) => series.weeks.filter((week) => week.accountsWithRootUse > 0);

const weeksListed = (series: WeeklySeries): string => {
  const used = usedWeeks(series).length;
  if (used === 0) return `No week with root use among the ${plural(series.weeks.length, 'week')} charted.`;
  return used > LISTED_WEEKS
    ? `The first ${LISTED_WEEKS} of the ${used} weeks with root use (the chart draws all ${series.weeks.length} weeks):`
    : `The ${plural(used, 'week')} with root use, of the ${series.weeks.length} charted:`;
};

const shareChart = (series: WeeklySeries) =>
  columnChart(
    series.weeks.map((week) => ({
      label: week.week,
      value: week.shareOfAccountsWithRootUse === null ? null : week.shareOfAccountsWithRootUse * 100,
    })),
    {
      title: 'Share of accounts with root use, per ISO week',
      unit: 'percent',
      max: 100,
      valueText: (value) => `${Math.round(value)}%`,
    },
  );

/**
 * The field study's weekly method, as two sections: the share of the observed accounts with root use
 * in each ISO week (weeks without data drawn grey, and counted), and the repeat offenders (accounts
 * with root use in more than one week) with their weeks. Both say plainly when there is nothing to show.
 */
const weeklySections = (series: WeeklySeries, noDataText: string): Section[] => {
  const offenders = series.accounts.filter((account) => account.repeatOffender);
  const withUse = series.accounts.filter((account) => account.weeksWithRootUse.length > 0);
  const gaps = series.weeksWithoutData
    ? ` ${plural(series.weeksWithoutData, 'week')} without data, drawn grey: no account was observed then, which is not the same as no root use.`
    : '';
  return [
    {
      title: 'Accounts with root use, per week',
      note: `${series.basis}${gaps}`,
      content: series.weeks.length
        ? html`${shareChart(series)}
            <div class="note">${weeksListed(series)}</div>
            ${dataTable(
              ['Week', 'Starts', 'Accounts observed', 'With root use', 'Share', 'Uses'],
              usedWeeks(series)
                .slice(0, LISTED_WEEKS)
                .map((week) => [
                  week.week,
                  week.start,
                  week.accountsObserved,
                  week.accountsWithRootUse,
                  week.accountsObserved ? formatShare(week.shareOfAccountsWithRootUse) : 'no data',
                  week.uses,
                ]),
            )}`
        : emptyState('No data', noDataText),
    },
    {
      title: 'Repeat offenders',
      note:
        `Accounts with root use in more than one ISO week: ${offenders.length} of the ${plural(withUse.length, 'account')} ` +
        `with root use (${plural(series.accounts.length, 'account')} observed).`,
      content: !series.weeks.length
        ? emptyState('No data', noDataText)
        : offenders.length
          ? dataTable(
              ['Account', 'Weeks with root use', 'Weeks observed', 'Which weeks'],
              offenders
                .slice(0, LISTED_OFFENDERS)
                .map((account) => [
                  account.account,
                  account.weeksWithRootUse.length,
                  account.weeksObserved,
                  html`<div class="wrap">${account.weeksWithRootUse.join(', ')}</div>`,
                ]),
            )
          : emptyState('None', 'no account used root in more than one week.'),
    },
  ];
};

export { weeklySections };
