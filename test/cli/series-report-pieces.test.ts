import { describe, expect, it } from 'vitest';
import { columnChart } from '../../cli/report/column-chart.ts';
import { keyAgesSection } from '../../cli/report/key-ages-section.ts';
import { weeklySections } from '../../cli/report/weekly-sections.ts';
import { keyAgeDistribution } from '../../posture/key-ages.ts';
import { WeeklySeriesBuilder } from '../../posture/weekly-series.ts';

const at = (time: string) => Date.parse(time);

describe('Report: the weekly series, key ages and empty states', () => {
  it('draws a week without data as a grey band that says so, never as a zero column', () => {
    // Act
    const chart = columnChart(
      [
        { label: '2025-W23', value: 50 },
        { label: '2025-W24', value: null },
        { label: '2025-W25', value: 0 },
      ],
      { title: 'share', unit: 'percent', max: 100, valueText: (value) => `${value}%` },
    ).text;

    // Assess
    expect(chart.match(/class="column no-data"/g)).toHaveLength(1);
    expect(chart).toContain('<title>2025-W24: no data</title>');
    expect(chart).toContain('<title>2025-W23: 50%</title>');
    expect(chart).toContain('<title>2025-W25: 0%</title>');
  });

  it('charts the share per week and lists the repeat offenders with their weeks', () => {
    // Prepare
    const series = new WeeklySeriesBuilder();
    series.use('444455556666', at('2025-06-03T00:00:00Z'));
    series.observe('111122223333', at('2025-06-03T00:00:00Z'));
    series.use('444455556666', at('2025-06-24T00:00:00Z'));

    // Act
    const [weekly, offenders] = weeklySections(series.build('basis.'), 'unused');

    // Assess
    expect(weekly!.note).toBe(
      'basis. 2 weeks without data, drawn grey: no account was observed then, which is not the same as no root use.',
    );
    expect(weekly!.content.text).toContain('aria-label="Share of accounts with root use, per ISO week"');
    expect(weekly!.content.text).toContain('The 2 weeks with root use, of the 4 charted:');
    expect(offenders!.note).toBe(
      'Accounts with root use in more than one ISO week: 1 of the 1 account with root use (2 accounts observed).',
    );
    expect(offenders!.content.text).toContain('2025-W23, 2025-W26');
  });

  it.each([
    {
      name: 'nothing was observed',
      build: () => new WeeklySeriesBuilder(),
      states: ['No data</b>: nothing read.', 'No data</b>: nothing read.'],
    },
    {
      name: 'no account used root in two weeks',
      build: () => {
        const series = new WeeklySeriesBuilder();
        series.use('444455556666', at('2025-06-03T00:00:00Z'));
        return series;
      },
      states: [undefined, 'None</b>: no account used root in more than one week.'],
    },
  ])('says so in words when $name', ({ build, states }) => {
    // Act
    const sections = weeklySections(build().build('b'), 'nothing read.');

    // Assess
    expect(
      sections.map(
        (section) => /<div class="empty-state" role="note"><b>(.*?)<\/div>/.exec(section.content.text)?.[1],
      ),
    ).toStrictEqual(states);
  });

  it('says there is no key to age rather than drawing an empty chart', () => {
    // Act
    const section = keyAgesSection(keyAgeDistribution([]));

    // Assess
    expect(section.content.text).not.toContain('<svg');
    expect(section.content.text).toContain('<b>None</b>: no audited account has an active root access key');
  });
});
