import { describe, expect, it } from 'vitest';
import { isoWeekOf, isoWeeksBetween } from '../../posture/iso-week.ts';

describe('ISO weeks in UTC', () => {
  it.each([
    { time: '2025-06-02T00:00:00Z', week: '2025-W23', start: '2025-06-02', why: 'a Monday starts its week' },
    { time: '2025-06-08T23:59:59Z', week: '2025-W23', start: '2025-06-02', why: 'a Sunday ends it' },
    {
      time: '2024-12-30T00:00:00Z',
      week: '2025-W01',
      start: '2024-12-30',
      why: 'the year is the Thursday’s',
    },
    { time: '2021-01-03T12:00:00Z', week: '2020-W53', start: '2020-12-28', why: 'a 53-week year' },
    {
      time: '2021-01-04T00:00:00Z',
      week: '2021-W01',
      start: '2021-01-04',
      why: 'the next year’s first week',
    },
    {
      time: '2025-06-01T23:30:00-02:00',
      week: '2025-W23',
      start: '2025-06-02',
      why: 'offsets are read in UTC',
    },
  ])('$time is in $week ($why)', ({ time, week, start }) => {
    expect(isoWeekOf(Date.parse(time))).toStrictEqual({ week, start });
  });

  it('lists every week between two times, both ends included, across a year end', () => {
    expect(
      isoWeeksBetween(Date.parse('2025-12-20T00:00:00Z'), Date.parse('2026-01-06T00:00:00Z')).map(
        (week) => week.week,
      ),
    ).toStrictEqual(['2025-W51', '2025-W52', '2026-W01', '2026-W02']);
  });
});
