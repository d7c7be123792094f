import type { CoveragePlace, CoverageReport } from '../../schemas/coverage-report.ts';
import { html } from './html.ts';
import { buildPage, footerText } from './page.ts';
import type { Tone } from './palette.ts';
import { dataTable } from './table.ts';
import { tag } from './tag.ts';

const LIVENESS_TONE: Record<CoveragePlace['liveness'], Tone> = {
  live: 'ok',
  silent: 'danger',
  'never-heard': 'danger',
};

const trailTone = (trail: CoveragePlace['trail']): Tone =>
  trail === 'read-write'
    ? 'ok'
    : trail === 'unknown'
      ? 'neutral'
      : trail.endsWith('-only')
        ? 'caution'
        : 'danger';

/**
 * `rootwatch coverage --report FILE.html`: the totals, then every place (gaps first) with its
 * liveness and trail, and what could not be read. Self-contained, like the other report pages.
 */
const coveragePage = (report: CoverageReport): string => {
  const { summary } = report;
  const places = [...report.places].sort((a, b) => Number(a.covered) - Number(b.covered));
  return buildPage({
    title: 'rootwatch coverage',
    subtitle: `Which accounts and Regions the detector hears from, as of ${report.asOf}; silent after ${report.silentAfterMinutes} minutes.`,
    figures: [
      {
        value: `${summary.covered}/${summary.places}`,
        label: 'places covered',
        tone: summary.places > 0 && summary.covered === summary.places ? 'ok' : 'danger',
      },
      { value: String(summary.silent + summary.neverHeard), label: 'silent or never heard', tone: 'danger' },
      report.trailsChecked
        ? { value: String(summary.trailGaps), label: 'without a read and write trail', tone: 'caution' }
        : { value: 'not checked', label: 'trails', tone: 'neutral' },
    ],
    sections: [
      {
        title: 'Places',
        note: places.length
          ? 'A place is covered when its forwarder was heard within the silence period and a trail logs read and write management events there.'
          : 'No data: the liveness table is empty and no place was expected (--account, --region, --enabled-regions).',
        content: dataTable(
          ['Account', 'Region', 'Liveness', 'Last heard', 'Trail', 'Trails', 'Covered'],
          places.map((place) => [
            place.account,
            place.region,
            tag(place.liveness, LIVENESS_TONE[place.liveness]),
            place.lastHeard ?? 'never',
            tag(place.trail, trailTone(place.trail)),
            html`<span class="wrap"
              >${place.trails.join(', ')}${place.excludedSources.length ? ` (leaves out ${place.excludedSources.join(', ')})` : ''}</span
            >`,
            place.covered ? tag('yes', 'ok') : tag('NO', 'danger'),
          ]),
        ),
      },
      ...(report.problems.length
        ? [
            {
              title: 'Could not read',
              content: html`<ul>
                ${report.problems.map((problem) => html`<li class="wrap">${problem}</li>`)}
              </ul>`,
            },
          ]
        : []),
    ],
    footer: footerText('coverage', new Date(report.asOf), []),
  });
};

export { coveragePage };
