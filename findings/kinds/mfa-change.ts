import type { FindingKindEntry } from './kind-entry.ts';
import { ACCOUNT_MANIPULATION, PERSISTENCE } from './attack.ts';
import { REF } from './references.ts';
import { CALL_OWNER, CHECK_SESSION } from './steps.ts';

const mfaChange = {
  subject: 'Root MFA change',
  attack: { tactic: PERSISTENCE, technique: ACCOUNT_MANIPULATION },
  isChange: true,
  runbook: {
    title: 'Root MFA device changed',
    call: [CALL_OWNER],
    contain: [
      'If unplanned, an attacker may be adding a device of their own: remove devices you do not recognise from root and change the root password.',
    ],
    check: ['The MFA devices now registered on root.', CHECK_SESSION],
    references: [REF.mfa, REF.changePassword],
  },
} as const satisfies FindingKindEntry;

export { mfaChange };
