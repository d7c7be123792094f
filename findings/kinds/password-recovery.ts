import type { FindingKindEntry } from './kind-entry.ts';
import { ACCOUNT_MANIPULATION, PERSISTENCE } from './attack.ts';
import { REF } from './references.ts';
import { CALL_ON_CALL, CALL_OWNER, SCP_STOP } from './steps.ts';

const passwordRecovery = {
  subject: 'Root password recovery',
  attack: { tactic: PERSISTENCE, technique: ACCOUNT_MANIPULATION },
  isChange: false,
  runbook: {
    title: 'Root password recovery',
    call: [CALL_OWNER, CALL_ON_CALL],
    contain: [
      'If the owner did not ask for it: secure the root email inbox first (its password and MFA): whoever reads it can reset the root password.',
      'Then change the root password and check the MFA devices registered on root.',
      SCP_STOP,
    ],
    check: [
      'Whether PasswordRecoveryCompleted and a ConsoleLogin followed from {sourceIp}.',
      'Who can read the root email address: shared mailboxes, forwarding rules.',
    ],
    references: [REF.resetPassword, REF.changePassword, REF.bestPractices],
  },
} as const satisfies FindingKindEntry;

export { passwordRecovery };
