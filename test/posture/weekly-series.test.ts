import { describe, expect, it } from 'vitest';
import { auditWeeklySeries } from '../../posture/audit-series.ts';
import { keyAgeDistribution } from '../../posture/key-ages.ts';
import { WeeklySeriesBuilder } from '../../posture/weekly-series.ts';
import { CredentialReportRowSchema } from '../../schemas/credential-report.ts';
import { WeeklySeriesSchema } from '../../schemas/weekly-series.ts';
import { baseRootRow } from '../helpers/credential-reports.ts';
import type { RowText } from '../helpers/credential-reports.ts';

const at = (time: string) => Date.parse(time);
const rootRow = (changes: Partial<RowText>) =>
  CredentialReportRowSchema.parse({ ...baseRootRow(), ...changes });

describe('Weekly series: accounts observed and with root use, per ISO week', () => {
  it('counts each week’s share over the accounts observed that week, and says which weeks have no data', () => {
    // Prepare
    const series = new WeeklySeriesBuilder();
    series.observe('111111111111', at('2025-06-02T10:00:00Z'));
    series.use('222222222222', at('2025-06-03T10:00:00Z'), 2);
    series.observe('111111111111', at('2025-06-23T10:00:00Z'));
    series.use('222222222222', at('2025-06-24T10:00:00Z'));

    // Act
    const built = WeeklySeriesSchema.parse(series.build('test basis'));

    // Assess
    expect(
      built.weeks.map((week) => [
        week.week,
        week.accountsObserved,
        week.shareOfAccountsWithRootUse,
        week.uses,
      ]),
    ).toStrictEqual([
      ['2025-W23', 2, 0.5, 2],
      ['2025-W24', 0, null, 0],
      ['2025-W25', 0, null, 0],
      ['2025-W26', 2, 0.5, 1],
    ]);
    expect(built.weeksWithoutData).toBe(2);
    expect(built.repeatOffenders).toBe(1);
    expect(
      built.accounts.map((account) => [account.account, account.weeksWithRootUse, account.repeatOffender]),
    ).toStrictEqual([
      ['222222222222', ['2025-W23', '2025-W26'], true],
      ['111111111111', [], false],
    ]);
  });

  it('has no weeks, not weeks of zero, when nothing was observed', () => {
    expect(new WeeklySeriesBuilder().build('b')).toStrictEqual({
      basis: 'b',
      weeks: [],
      accounts: [],
      repeatOffenders: 0,
      weeksWithoutData: 0,
    });
  });
});

describe('Weekly series from credential reports of several dates', () => {
  it('counts a last use seen by several reports once, in the week it happened, and skips setup uses', () => {
    // Prepare: created 2025-05-01; used at setup, then on 2025-06-05, seen by two weekly reports.
    const created = { user_creation_time: '2025-05-01T00:00:00+00:00' };
    const reports = [
      { asOf: '2025-05-05T08:00:00Z', used: '2025-05-02T10:00:00+00:00' },
      { asOf: '2025-06-09T08:00:00Z', used: '2025-06-05T10:00:00+00:00' },
      { asOf: '2025-06-16T08:00:00Z', used: '2025-06-05T10:00:00+00:00' },
    ].map(({ asOf, used }) => ({
      account: '444455556666',
      root: rootRow({ ...created, password_last_used: used }),
      asOf: at(asOf),
    }));

    // Act
    const series = auditWeeklySeries(reports, 30);

    // Assess: observed in the weeks of the three reports, and in the week of the use they show.
    expect(series.accounts).toStrictEqual([
      { account: '444455556666', weeksObserved: 4, weeksWithRootUse: ['2025-W23'], repeatOffender: false },
    ]);
    expect(series.weeks.filter((week) => week.uses > 0).map((week) => [week.week, week.uses])).toStrictEqual([
      ['2025-W23', 1],
    ]);
    expect(series.basis).toContain('first 30 days');
  });

  it('ignores a last use later than the report’s as-of (a report judged as of an earlier time)', () => {
    const series = auditWeeklySeries(
      [
        {
          account: '444455556666',
          root: rootRow({ password_last_used: '2025-07-01T00:00:00+00:00' }),
          asOf: at('2025-06-01T00:00:00Z'),
        },
      ],
      0,
    );
    expect(series.accounts[0]?.weeksWithRootUse).toStrictEqual([]);
  });
});

describe('Key ages: the active root keys by age, as a chart', () => {
  it.each([
    { rotated: '2025-05-20T00:00:00+00:00', bin: 'up to 30 days', over90: 0 },
    { rotated: '2025-03-03T12:00:00+00:00', bin: '30–90 days', over90: 0 },
    { rotated: '2025-03-01T00:00:00+00:00', bin: '90–180 days', over90: 1 },
    { rotated: '2024-01-01T00:00:00+00:00', bin: '1–2 years', over90: 1 },
    { rotated: '2019-01-01T00:00:00+00:00', bin: 'over 5 years', over90: 1 },
  ])('bins a key rotated $rotated as $bin', ({ rotated, bin, over90 }) => {
    // Act
    const ages = keyAgeDistribution([
      {
        root: rootRow({ access_key_1_active: 'true', access_key_1_last_rotated: rotated }),
        asOf: at('2025-06-01T12:00:00Z'),
      },
    ]);

    // Assess
    expect(
      ages.bins.filter((candidate) => candidate.keys > 0).map((candidate) => candidate.label),
    ).toStrictEqual([bin]);
    expect([ages.keys, ages.over90Days, ages.unknown]).toStrictEqual([1, over90, 0]);
  });

  it('counts keys, not accounts, and keeps keys of unknown age and inactive keys out of the bars', () => {
    const ages = keyAgeDistribution([
      {
        root: rootRow({
          access_key_1_active: 'true',
          access_key_1_last_rotated: 'N/A',
          access_key_2_active: 'true',
          access_key_2_last_rotated: '2024-01-01T00:00:00+00:00',
        }),
        asOf: at('2025-06-01T12:00:00Z'),
      },
      {
        root: rootRow({
          access_key_1_active: 'false',
          access_key_1_last_rotated: '2010-01-01T00:00:00+00:00',
        }),
        asOf: at('2025-06-01T12:00:00Z'),
      },
    ]);
    expect([ages.keys, ages.over90Days, ages.unknown]).toStrictEqual([2, 1, 1]);
    expect(ages.bins.reduce((sum, bin) => sum + bin.keys, 0)).toBe(1);
  });
});
