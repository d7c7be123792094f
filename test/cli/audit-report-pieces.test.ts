import { describe, expect, it } from 'vitest';
import { accountsInOrder } from '../../cli/report/audit-accounts.ts';
import { asOfLine } from '../../cli/report/audit-as-of.ts';
import type { InputProblem } from '../../cli/report/input-problems.ts';
import { auditReportPage } from '../../cli/report/audit-report.ts';
import { fleetFigureCards } from '../../cli/report/audit-fleet.ts';
import { AUDIT_DEFAULTS } from '../../posture/audit-root.ts';
import { summariseAudit } from '../../posture/audit-summary.ts';
import { rootEvidence } from '../../cli/report/root-evidence.ts';
import { exposedRoot } from '../helpers/credential-reports.ts';
import { auditedAccount } from '../helpers/posture.ts';

/** No MFA, key 1 rotated 2020-01-01 and used 3 hours before the as-of (2025-06-01T12:00:00Z). */
const exposed = exposedRoot('2025-06-01T09:00:00+00:00');

describe('Report: the audit page, piece by piece', () => {
  it('orders accounts by failed checks, then checks in doubt, then account', () => {
    // Prepare: 2… fails all five checks; 3… fails keys and rotation, and has MFA, so its hardware MFA
    // is unknown; 4… has no MFA: fails both MFA checks, none in doubt; 1… and 5… pass all but hardware
    // MFA (unknown).
    const rows = [
      auditedAccount('555555555555'),
      auditedAccount('444444444444', { mfa_active: 'false' }),
      auditedAccount('333333333333', {
        access_key_1_active: 'true',
        access_key_1_last_rotated: '2020-01-01T00:00:00+00:00',
      }),
      auditedAccount('222222222222', exposed),
      auditedAccount('111111111111'),
    ];

    // Act
    const order = accountsInOrder(rows).map((row) => row.account);

    // Assess: at two failures each, 3… (one check in doubt) before 4…
    expect(order).toStrictEqual([
      '222222222222',
      '333333333333',
      '444444444444',
      '111111111111',
      '555555555555',
    ]);
  });

  it('puts the root evidence in words, relative to the account’s as-of', () => {
    // Prepare: as of 2025-06-01T12:00:00Z, key 1 rotated 1,978 days and a half before and used 3 hours
    // before; the base row's password last used 2025-03-02T18:40:11Z, 90 days and 17 hours before.
    const row = auditedAccount('111111111111', exposed);

    // Act
    const evidence = rootEvidence(row);

    // Assess
    expect(evidence).toStrictEqual({
      mfa: 'no',
      keys: 'key 1 rotated 2020-01-01T00:00:00Z (1978 days before)',
      uses: 'key 1 2025-06-01T09:00:00Z (3 hours before); password 2025-03-02T18:40:11Z (90 days before)',
    });
  });

  it('says when an active key has no rotation date and when root was never used', () => {
    // Prepare
    const row = auditedAccount('111111111111', {
      access_key_2_active: 'true',
      password_last_used: 'no_information',
    });

    // Act
    const evidence = rootEvidence(row);

    // Assess
    expect(evidence).toStrictEqual({ mfa: 'yes', keys: 'key 2 rotated N/A', uses: 'none recorded' });
  });

  it('gives one as-of when all accounts share it, and each source with its accounts when they differ', () => {
    // Prepare
    const given = [auditedAccount('111111111111'), auditedAccount('222222222222')];
    const mixed = [
      auditedAccount('111111111111', {}, { asOf: '2025-06-02T00:00:00Z', asOfSource: 'report' }),
      auditedAccount('222222222222', {}, { asOf: '2025-06-01T00:00:00Z', asOfSource: 'report' }),
      auditedAccount('333333333333', {}, { asOf: '2025-06-03T08:30:00Z', asOfSource: 'now' }),
    ];

    // Act
    const lines = [asOfLine(given), asOfLine(mixed), asOfLine([])];

    // Assess
    expect(lines).toStrictEqual([
      'as of 2025-06-01T12:00:00Z (given with --as-of)',
      "as of 2025-06-01T00:00:00Z to 2025-06-02T00:00:00Z (the report's GeneratedTime, 2 accounts); " +
        '2025-06-03T08:30:00Z (the time of the run, 1 account)',
      'no account judged',
    ]);
  });

  it('gives each fleet figure with its counts and the study’s figure beside it, labelled as the study’s', () => {
    // Prepare: 2… exposed (fails all), 3… an old key with MFA, 1… clean, 4… created a week before.
    const summary = summariseAudit(
      [
        auditedAccount('111111111111'),
        auditedAccount('222222222222', exposed),
        auditedAccount('333333333333', {
          access_key_1_active: 'true',
          access_key_1_last_rotated: '2020-01-01T00:00:00+00:00',
        }),
        auditedAccount('444444444444', { user_creation_time: '2025-05-25T00:00:00+00:00' }),
      ],
      0,
      AUDIT_DEFAULTS,
    );

    // Act
    const cards = fleetFigureCards(summary);

    // Assess: keys in 2… and 3… (2 of 4), both older than 90 days (2 of 4; 2 of the 2 with a key);
    // no MFA in 2… (1 of 4); used within a day in 2… (1 of 3, 4… skipped as too young).
    expect(cards).toStrictEqual([
      {
        value: '50%',
        label: 'of accounts with root access keys (2 of 4)',
        tone: 'danger',
        aside: 'Field study: 6% of its 915 accounts had root access keys',
      },
      {
        value: '50%',
        label: 'of accounts with root keys older than 90 days (2 of 4)',
        tone: 'danger',
        aside:
          'Field study: 96% of those root access keys were older than 90 days. ' +
          'Here 100%: 2 of 2 accounts with an active root key of known age',
      },
      {
        value: '25%',
        label: 'of accounts without root MFA (1 of 4)',
        tone: 'danger',
        aside: 'Field study: 2 in 3 root console sign-ins were without MFA (another measure)',
      },
      {
        value: '33%',
        label: 'of accounts with root use in the last 1 day (1 of 3; 1 skipped)',
        tone: 'danger',
        aside: 'Field study: 43% of its 153 organisations used root (another measure)',
      },
    ]);
  });

  it('says no account was decided rather than a share of nothing', () => {
    // Act
    const cards = fleetFigureCards(summariseAudit([], 1, AUDIT_DEFAULTS));

    // Assess
    expect(cards.map(({ value, tone }) => `${value} ${tone}`)).toStrictEqual(Array(4).fill('- neutral'));
    expect(cards[1]!.aside).toBe(
      'Field study: 96% of those root access keys were older than 90 days. ' +
        'Here no accounts with an active root key of known age',
    );
  });
});

describe('Report: the audit page, its inputs', () => {
  const page = (problems: InputProblem[]) =>
    auditReportPage(
      summariseAudit([auditedAccount('111111111111')], 1, AUDIT_DEFAULTS),
      new Date('2025-06-01T12:00:00Z'),
      problems,
    );

  it('lists the inputs not audited and the warnings, as stderr had them, and their text as text', () => {
    // Act
    const html = page([
      {
        file: '<b>x</b>.csv',
        kind: 'not audited',
        tone: 'danger',
        message: 'invalid credential report: <b>x</b>.csv line 2: no root row',
      },
      { file: 'y.csv', kind: 'warning', tone: 'caution', message: 'warning: y.csv: unknown column "extra"' },
    ]);

    // Assess
    const inputs = html.slice(html.indexOf('<h2>Inputs</h2>'));
    expect(inputs).toContain('&lt;b&gt;x&lt;/b&gt;.csv');
    expect(inputs).not.toContain('<b>');
    expect(inputs).toContain('<span class="tag danger">not audited</span>');
    expect(inputs).toContain('<span class="tag caution">warning</span>');
    expect(inputs).toContain('unknown column &quot;extra&quot;');
    expect(html).toContain('1 input could not be audited (see Inputs)');
  });

  it('has no Inputs section when every input was read without a word', () => {
    expect(page([])).not.toContain('<h2>Inputs</h2>');
  });

  it('lists the first 200 lines and counts the rest', () => {
    // Act
    const html = page(
      Array.from({ length: 205 }, (_, index) => ({
        file: `f${index}.csv`,
        kind: 'not audited',
        tone: 'danger' as const,
        message: `m${index}`,
      })),
    );

    // Assess
    expect(html).toContain('f199.csv');
    expect(html).not.toContain('f200.csv');
    expect(html).toContain('the first 200 lines, 5 more are on stderr.');
  });
});
