import type { FindingKindEntry } from './kind-entry.ts';
import { DEFENSE_EVASION } from './attack.ts';
import { REF } from './references.ts';
import { CALL_ON_CALL, CALL_OWNER, CHECK_PERSISTENCE, CHECK_SESSION, PASSWORD_STEPS } from './steps.ts';

const mfaRemoved = {
  subject: 'Root MFA removed',
  attack: {
    tactic: DEFENSE_EVASION,
    technique: { uid: 'T1556.006', name: 'Modify Authentication Process: Multi-Factor Authentication' },
  },
  isChange: true,
  runbook: {
    title: 'Root MFA removed',
    call: [CALL_OWNER, CALL_ON_CALL],
    contain: [
      'Assign MFA to root again at once.',
      `If unplanned, whoever removed it was signed in as root: change ${PASSWORD_STEPS}`,
    ],
    check: ["Which device was removed (the event's serialNumber).", CHECK_SESSION, CHECK_PERSISTENCE],
    references: [REF.mfa, REF.changePassword],
  },
} as const satisfies FindingKindEntry;

export { mfaRemoved };
