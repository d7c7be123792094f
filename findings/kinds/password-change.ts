import type { FindingKindEntry } from './kind-entry.ts';
import { ACCOUNT_MANIPULATION, PERSISTENCE } from './attack.ts';
import { REF } from './references.ts';
import { CALL_ON_CALL, CALL_OWNER, CHECK_SESSION } from './steps.ts';

const passwordChange = {
  subject: 'Root password change',
  attack: { tactic: PERSISTENCE, technique: ACCOUNT_MANIPULATION },
  isChange: true,
  runbook: {
    title: 'Root password changed or created',
    call: [CALL_OWNER, CALL_ON_CALL],
    contain: [
      'PasswordUpdated or ChangePassword without a plan: the owner may be locked out; recover the password with "Forgot password?" (root email inbox) at once, then check root\'s MFA devices and email address.',
      'CreateLoginProfile gives a member account a root password again: when the task is done, or if it was not approved, delete it (an AssumeRoot session with IAMDeleteRootUserCredentials, then aws iam delete-login-profile).',
    ],
    check: [
      'Whether the root email address changed too (EmailUpdated) and whether a sign-in followed.',
      CHECK_SESSION,
    ],
    references: [REF.changePassword, REF.resetPassword, REF.centralizedRoot],
  },
} as const satisfies FindingKindEntry;

export { passwordChange };
