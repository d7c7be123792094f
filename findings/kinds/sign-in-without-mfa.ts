import type { FindingKindEntry } from './kind-entry.ts';
import { INITIAL_ACCESS, VALID_CLOUD_ACCOUNTS } from './attack.ts';
import { REF } from './references.ts';
import {
  CALL_ESCALATE,
  CALL_ON_CALL,
  CALL_OWNER,
  CHANGE_PASSWORD,
  CHECK_PERSISTENCE,
  CHECK_SESSION,
  CHECK_SOURCE,
  REMOVE_ROOT_CREDENTIALS,
  SCP_STOP,
} from './steps.ts';

const signInWithoutMfa = {
  subject: 'Root sign-in without MFA',
  attack: { tactic: INITIAL_ACCESS, technique: VALID_CLOUD_ACCOUNTS },
  isChange: false,
  runbook: {
    title: 'Root sign-in without MFA',
    call: [CALL_OWNER, CALL_ON_CALL, CALL_ESCALATE],
    contain: [
      CHANGE_PASSWORD,
      'Assign MFA to root (up to eight devices; a FIDO security key resists phishing).',
      SCP_STOP,
    ],
    check: [CHECK_SESSION, CHECK_PERSISTENCE, CHECK_SOURCE, REMOVE_ROOT_CREDENTIALS],
    references: [REF.mfa, REF.changePassword, REF.bestPractices, REF.scpExamples],
  },
} as const satisfies FindingKindEntry;

export { signInWithoutMfa };
