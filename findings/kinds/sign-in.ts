import type { FindingKindEntry } from './kind-entry.ts';
import { INITIAL_ACCESS, VALID_CLOUD_ACCOUNTS } from './attack.ts';
import { REF } from './references.ts';
import {
  CALL_ON_CALL,
  CALL_OWNER,
  CHANGE_PASSWORD_IF_UNPLANNED,
  CHECK_SESSION,
  CHECK_SOURCE,
  SCP_STOP,
} from './steps.ts';

const signIn = {
  subject: 'Root sign-in',
  attack: { tactic: INITIAL_ACCESS, technique: VALID_CLOUD_ACCOUNTS },
  isChange: false,
  runbook: {
    title: 'Root sign-in',
    call: [CALL_OWNER, CALL_ON_CALL],
    contain: [
      CHANGE_PASSWORD_IF_UNPLANNED,
      'Someone passed root MFA: check the MFA devices registered on root and remove any you do not recognise.',
      SCP_STOP,
    ],
    check: [
      'Why root was needed: only a few tasks require it; use an IAM role for the rest.',
      CHECK_SESSION,
      CHECK_SOURCE,
    ],
    references: [REF.bestPractices, REF.mfa, REF.scpExamples],
  },
} as const satisfies FindingKindEntry;

export { signIn };
