import { describe, expect, it } from 'vitest';
import { AUDIT_DEFAULTS } from '../../posture/audit-root.ts';
import { summariseAudit } from '../../posture/audit-summary.ts';
import { auditedAccount as audited } from '../helpers/posture.ts';

/** Four accounts: one clean, one with an old active key and no MFA, one used today, one too young. */
const FLEET = [
  audited('111111111111', {}),
  audited('222222222222', {
    mfa_active: 'false',
    access_key_1_active: 'true',
    access_key_1_last_rotated: '2024-01-01T00:00:00+00:00',
  }),
  audited('333333333333', { password_last_used: '2025-06-01T08:00:00+00:00' }),
  audited('444444444444', { user_creation_time: '2025-05-25T00:00:00+00:00' }),
];

describe('Audit: fleet figures', () => {
  it('gives the field study figures over the accounts where each check was decided', () => {
    // Act
    const summary = summariseAudit(FLEET, 1, AUDIT_DEFAULTS);

    // Assess
    expect(summary.figures).toStrictEqual([
      {
        id: 'root-access-keys',
        check: 'root-access-keys',
        label: 'with root access keys',
        decided: 4,
        failing: 1,
        share: 0.25,
        skipped: 0,
        unknown: 0,
      },
      {
        id: 'root-keys-over-90-days',
        check: 'root-key-rotation',
        label: 'with root keys older than 90 days',
        decided: 4,
        failing: 1,
        share: 0.25,
        skipped: 0,
        unknown: 0,
      },
      {
        id: 'root-without-mfa',
        check: 'root-mfa',
        label: 'without root MFA',
        decided: 4,
        failing: 1,
        share: 0.25,
        skipped: 0,
        unknown: 0,
      },
      {
        id: 'recent-root-use',
        check: 'root-recent-use',
        label: 'with root use in the last 1 day',
        decided: 3,
        failing: 1,
        share: 1 / 3,
        skipped: 1,
        unknown: 0,
      },
    ]);
    expect({
      accounts: summary.accounts,
      reports: summary.reports,
      invalidInputs: summary.invalidInputs,
      asOfSources: summary.asOfSources,
      hardware: summary.statuses['root-hardware-mfa'],
      rows: summary.rows.map((row) => row.account),
    }).toStrictEqual({
      accounts: 4,
      reports: 4,
      invalidInputs: 1,
      asOfSources: { report: 0, given: 4, now: 0 },
      hardware: { pass: 0, fail: 1, unknown: 3, skipped: 0 },
      rows: ['111111111111', '222222222222', '333333333333', '444444444444'],
    });
  });

  it('counts an account audited twice once, from its latest report, and names it', () => {
    // Prepare
    const older = audited('111111111111', { access_key_1_active: 'true' }, { asOf: '2025-05-01T00:00:00Z' });
    const newer = audited('111111111111', {}, { asOf: '2025-06-01T00:00:00Z' });

    // Act
    const summary = summariseAudit([newer, older], 0, AUDIT_DEFAULTS);

    // Assess
    expect({
      accounts: summary.accounts,
      reports: summary.reports,
      keys: summary.figures[0]!.failing,
      duplicates: summary.duplicateAccounts,
    }).toStrictEqual({ accounts: 1, reports: 2, keys: 0, duplicates: ['111111111111'] });
  });

  it('has no share when no account was decided', () => {
    // Act
    const summary = summariseAudit([FLEET[3]!], 0, { ...AUDIT_DEFAULTS, windowDays: 7 });

    // Assess
    expect(summary.figures[3]).toStrictEqual({
      id: 'recent-root-use',
      check: 'root-recent-use',
      label: 'with root use in the last 7 days',
      decided: 0,
      failing: 0,
      share: null,
      skipped: 1,
      unknown: 0,
    });
  });
});
