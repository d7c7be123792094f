import type { FindingKindEntry } from './kind-entry.ts';
import { ACCOUNT_MANIPULATION, PERSISTENCE } from './attack.ts';
import { REF } from './references.ts';
import { CALL_ON_CALL, CALL_OWNER, CHECK_SESSION } from './steps.ts';

const emailChange = {
  subject: 'Root email change',
  attack: { tactic: PERSISTENCE, technique: ACCOUNT_MANIPULATION },
  isChange: true,
  runbook: {
    title: 'Root email address changed',
    call: [CALL_OWNER, CALL_ON_CALL, 'AWS Support, if the owner can no longer sign in as root.'],
    contain: [
      'If unplanned, the root recovery channel now belongs to someone else: sign in as root while you still can, set the email back and change the password.',
    ],
    check: ['Whether the password or MFA changed in the same session.', CHECK_SESSION],
    references: [REF.rootEmail, REF.changePassword],
  },
} as const satisfies FindingKindEntry;

export { emailChange };
