import { describe, expect, it } from 'vitest';
import { fleetFiguresText } from '../../cli/format/fleet-figures-text.ts';
import { AUDIT_DEFAULTS } from '../../posture/audit-root.ts';
import { summariseAudit } from '../../posture/audit-summary.ts';
import type { AuditedAccount } from '../../posture/audit-summary.ts';
import { auditedAccount } from '../helpers/posture.ts';

/** An account created two days before the as-of, with an active root key of unknown age. */
const young = (account: string, asOfSource: AuditedAccount['asOfSource']): AuditedAccount =>
  auditedAccount(
    account,
    { user_creation_time: '2025-05-30T00:00:00+00:00', access_key_1_active: 'true' },
    { asOfSource },
  );

describe('Format: fleet figures', () => {
  it('says when no account was decided, what was unknown, the invalid inputs and every as-of source', () => {
    // Prepare
    const summary = summariseAudit(
      [young('111111111111', 'report'), young('222222222222', 'now')],
      2,
      AUDIT_DEFAULTS,
    );

    // Act
    const text = fleetFiguresText(summary);

    // Assess
    expect(text).toBe(
      [
        'Fleet: 2 accounts audited, 2 invalid inputs',
        '  with root access keys              2 of 2 (100%)',
        '  with root keys older than 90 days  no account decided; 2 unknown',
        '  without root MFA                   0 of 2 (0%)',
        '  with root use in the last 1 day    no account decided; 2 skipped',
        '  root keys: 2 active, 0 over 90 days, 2 of unknown age',
        '  weekly: 1 week (2025-W22), 0 repeat offenders',
        "  as of: the report's GeneratedTime for 1, now for 1",
      ].join('\n'),
    );
  });
});
