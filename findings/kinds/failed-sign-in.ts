import type { FindingKindEntry } from './kind-entry.ts';
import { CREDENTIAL_ACCESS } from './attack.ts';
import { REF } from './references.ts';
import { CALL_OWNER, CHECK_SOURCE } from './steps.ts';

const failedSignIn = {
  subject: 'Failed root sign-in',
  attack: {
    tactic: CREDENTIAL_ACCESS,
    technique: { uid: 'T1110.001', name: 'Brute Force: Password Guessing' },
  },
  isChange: false,
  runbook: {
    title: 'Failed root sign-in',
    call: [CALL_OWNER, 'Your security on-call if it repeats or the owner did not try.'],
    contain: [
      'No session was opened. If it was not the owner: make sure root has MFA and a long, unique password.',
      'In member accounts, removing the root password (centralized root access) ends password guessing.',
    ],
    check: [
      "How many failures, from which addresses: rootwatch's incident for them, or ConsoleLogin failures in us-east-1.",
      'Whether a successful root sign-in or a password recovery (PasswordRecoveryRequested) followed.',
      CHECK_SOURCE,
    ],
    references: [REF.mfa, REF.centralizedRoot],
  },
} as const satisfies FindingKindEntry;

export { failedSignIn };
