import { describe, expect, it } from 'vitest';
import { AUDIT_DEFAULTS } from '../../posture/audit-root.ts';
import { summariseAudit } from '../../posture/audit-summary.ts';
import { besideFieldStudy } from '../../posture/field-study.ts';
import type { RowText } from '../helpers/credential-reports.ts';
import { auditedAccount as audited } from '../helpers/posture.ts';

const activeKey = (rotated: string): Partial<RowText> => ({
  access_key_1_active: 'true',
  access_key_1_last_rotated: rotated,
});

describe('Audit: beside the field study', () => {
  it('rebases key age to the accounts with a root key of known age, and keeps the other bases', () => {
    // Prepare: four accounts as of 2025-06-01; three with an active root key: one rotated in 2024
    // (over 90 days), one a month before (within), one with no rotation date (age unknown); and an
    // older report of the clean account, with an old key, that a later report replaces.
    const rows = [
      audited('111111111111', activeKey('2024-01-01T00:00:00+00:00'), { asOf: '2025-01-01T00:00:00Z' }),
      audited('111111111111', {}),
      audited('222222222222', activeKey('2024-01-01T00:00:00+00:00')),
      audited('333333333333', activeKey('2025-05-01T00:00:00+00:00')),
      audited('444444444444', activeKey('N/A')),
    ];

    // Act
    const comparisons = besideFieldStudy(summariseAudit(rows, 0, AUDIT_DEFAULTS));

    // Assess: keys in 3 of 4 accounts; over 90 days in 1 of the 2 whose age is known (1 of 3 decided
    // over all accounts, the fleet figure); 0 of 4 without MFA; root used today by none of 4.
    expect(
      comparisons.map(({ id, audit, study }) => [id, audit.failing, audit.of, study.comparability]),
    ).toStrictEqual([
      ['root-access-keys', 3, 4, 'same'],
      ['root-keys-over-90-days', 1, 2, 'rebased'],
      ['root-without-mfa', 0, 4, 'different'],
      ['recent-root-use', 0, 4, 'different'],
    ]);
    expect(comparisons[1]!.audit).toStrictEqual({
      failing: 1,
      of: 2,
      share: 0.5,
      basis: 'accounts with an active root key of known age',
    });
  });

  it('has no rebased share when no account has a root key', () => {
    // Prepare
    const rows = [audited('111111111111', {}), audited('222222222222', {})];

    // Act
    const [, keyAge] = besideFieldStudy(summariseAudit(rows, 0, AUDIT_DEFAULTS));

    // Assess
    expect([keyAge!.audit.of, keyAge!.audit.share]).toStrictEqual([0, null]);
  });
});
