import { describe, expect, it } from 'vitest';
import { FleetTally, weekOf } from '../../scan/fleet-tally.ts';
import type { Finding } from '../../schemas/finding.ts';
import { FleetFiguresSchema } from '../../schemas/scan-summary.ts';

/** The fields the tally reads; the rest of the contract does not matter here. */
const finding = (fields: Partial<Finding> & Pick<Finding, 'account' | 'time'>): Finding =>
  ({
    credential: 'console-session',
    activity: 'api-call',
    outcome: 'success',
    mfa: true,
    eventName: 'ListBuckets',
    ...fields,
  }) as Finding;

const signIn = (
  account: string,
  time: string,
  mfa: boolean | null,
  outcome: 'success' | 'failure' = 'success',
) =>
  finding({
    account,
    time,
    mfa,
    outcome,
    credential: 'password',
    activity: 'sign-in',
    eventName: 'ConsoleLogin',
  });

describe('Detection: fleet tally', () => {
  it.each([
    { time: '2026-01-05T00:00:00Z', week: '2026-01-05', why: 'a Monday is its own week' },
    { time: '2026-01-11T23:59:59Z', week: '2026-01-05', why: 'Sunday ends it' },
    { time: '2026-01-01T12:00:00Z', week: '2025-12-29', why: 'a week across the new year' },
  ])('puts $time in the week of $week ($why)', ({ time, week }) => {
    expect(weekOf(time)).toBe(week);
  });

  it('measures the field study figures: accounts with root use, repeat offenders, key share, sign-ins without MFA', () => {
    // Prepare
    const tally = new FleetTally();
    for (const account of ['111111111111', '222222222222', '333333333333', '444444444444'])
      tally.addArchiveAccount(account);
    tally.add(signIn('111111111111', '2026-01-05T10:00:00Z', false));
    tally.add(
      finding({
        account: '111111111111',
        time: '2026-01-20T10:00:00Z',
        credential: 'access-key',
        mfa: false,
      }),
    );
    tally.add(
      finding({
        account: '111111111111',
        time: '2026-01-21T10:00:00Z',
        credential: 'access-key',
        mfa: false,
      }),
    );
    tally.add(signIn('222222222222', '2026-01-06T10:00:00Z', true));
    tally.add(signIn('222222222222', '2026-01-06T11:00:00Z', null));
    tally.add(signIn('222222222222', '2026-01-06T09:00:00Z', null, 'failure'));
    // An AWS service acting as root is nobody's use.
    tally.add(
      finding({
        account: '333333333333',
        time: '2026-01-06T10:00:00Z',
        credential: 'aws-service',
        mfa: null,
      }),
    );

    // Act
    const fleet = FleetFiguresSchema.parse(tally.fleet());
    const accounts = tally.accounts();

    // Assess
    const { weekly, ...figures } = fleet;
    expect(figures).toStrictEqual({
      accountsInArchive: 4,
      accountsBasis: 'accounts named by S3 keys (AWSLogs/<account>/) or by findings',
      accountsWithRootUse: 2,
      shareOfAccountsWithRootUse: 0.5,
      repeatOffenders: 1,
      repeatOffendersShareOfUses: 0.5,
      uses: 6,
      longTermKeyUses: 2,
      shareOfUsesByLongTermKey: 2 / 6,
      signIns: { withMfa: 1, withoutMfa: 1, mfaUnknown: 1, failed: 1 },
      shareOfSignInsWithoutMfa: 0.5,
      usesPerWeek: [
        { week: '2026-01-05', uses: 4 },
        { week: '2026-01-12', uses: 0 },
        { week: '2026-01-19', uses: 2 },
      ],
      byCredential: {
        password: 4,
        'console-session': 0,
        'access-key': 2,
        'session-token': 0,
        'assumed-root': 0,
        'aws-service': 0,
        unknown: 0,
      },
    });
    expect(
      weekly.weeks.map((week) => [week.week, week.accountsObserved, week.accountsWithRootUse]),
    ).toStrictEqual([
      ['2026-W02', 3, 2],
      ['2026-W03', 0, 0],
      ['2026-W04', 1, 1],
    ]);
    expect(weekly.repeatOffenders).toBe(1);
    expect(accounts.find((account) => account.account === '111111111111')?.weeksWithRootUse).toStrictEqual([
      '2026-W02',
      '2026-W04',
    ]);
    expect(
      accounts.map(({ account, uses, weeks, firstSeen, lastSeen }) => ({
        account,
        uses,
        weeks,
        firstSeen,
        lastSeen,
      })),
    ).toStrictEqual([
      {
        account: '111111111111',
        uses: 3,
        weeks: 2,
        firstSeen: '2026-01-05T10:00:00Z',
        lastSeen: '2026-01-21T10:00:00Z',
      },
      {
        account: '222222222222',
        uses: 3,
        weeks: 1,
        firstSeen: '2026-01-06T09:00:00Z',
        lastSeen: '2026-01-06T11:00:00Z',
      },
      { account: '333333333333', uses: 0, weeks: 0, firstSeen: null, lastSeen: null },
      { account: '444444444444', uses: 0, weeks: 0, firstSeen: null, lastSeen: null },
    ]);
  });

  it('observes archive accounts in the weeks their S3 keys are dated, so that a week without objects has no data', () => {
    // Prepare: two accounts deliver logs in weeks 2 and 4 only; one uses root in week 4.
    const tally = new FleetTally();
    for (const day of ['2026-01-05', '2026-01-19'])
      for (const account of ['111111111111', '222222222222'])
        tally.addArchiveAccount(account, Date.parse(`${day}T00:00:00Z`));
    tally.add(finding({ account: '222222222222', time: '2026-01-20T10:00:00Z' }));

    // Act
    const { weekly } = FleetFiguresSchema.parse(tally.fleet());

    // Assess
    expect(
      weekly.weeks.map((week) => [week.week, week.accountsObserved, week.shareOfAccountsWithRootUse]),
    ).toStrictEqual([
      ['2026-W02', 2, 0],
      ['2026-W03', 0, null],
      ['2026-W04', 2, 0.5],
    ]);
    expect(weekly.weeksWithoutData).toBe(1);
    expect(weekly.basis).toMatch(/^CloudTrail archives: an account is observed in the ISO week \(UTC\)/);
  });

  it('says null, not 0%, when there is nothing to divide', () => {
    // Act
    const fleet = new FleetTally().fleet();

    // Assess
    expect(fleet).toMatchObject({
      accountsInArchive: 0,
      shareOfAccountsWithRootUse: null,
      repeatOffendersShareOfUses: null,
      shareOfUsesByLongTermKey: null,
      shareOfSignInsWithoutMfa: null,
      usesPerWeek: [],
    });
  });
});
