import type { FindingKindEntry } from './kind-entry.ts';
import { ACCOUNT_MANIPULATION, PERSISTENCE } from './attack.ts';
import { REF } from './references.ts';
import { CALL_ON_CALL } from './steps.ts';

const memberRootEmailChange = {
  subject: 'Member root email change',
  attack: { tactic: PERSISTENCE, technique: ACCOUNT_MANIPULATION },
  isChange: true,
  runbook: {
    title: "A member account's root email changed from the management account",
    call: [
      'The owner of member account {account}: did they ask for its root email to change?',
      'Whoever runs the management account (or the Account Management delegated administrator): who used {principalArn}?',
      CALL_ON_CALL,
    ],
    contain: [
      "If nobody asked for it: the new address can recover the member's root password. From the management account, set the primary email back (aws account start-primary-email-update, then accept-primary-email-update with the code sent to the right address).",
      'With centralized root access, make sure the member has no root password (an AssumeRoot session with IAMDeleteRootUserCredentials) and that password recovery stays disallowed.',
    ],
    check: [
      'Whether AcceptPrimaryEmailUpdate followed StartPrimaryEmailUpdate: the change completes only with the one-time code sent to the new address.',
      "Root password recovery, password creation or sign-ins in account {account} afterwards (rootwatch's password-recovery, root-password-task and sign-in findings).",
    ],
    references: [REF.rootEmail, REF.startPrimaryEmailUpdate, REF.centralizedRoot],
  },
} as const satisfies FindingKindEntry;

export { memberRootEmailChange };
