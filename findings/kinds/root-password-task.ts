import type { FindingKindEntry } from './kind-entry.ts';
import { ADDITIONAL_CLOUD_CREDENTIALS, PERSISTENCE } from './attack.ts';
import { REF } from './references.ts';
import { CALL_ON_CALL } from './steps.ts';

const rootPasswordTask = {
  subject: 'Root password task',
  attack: { tactic: PERSISTENCE, technique: ADDITIONAL_CLOUD_CREDENTIALS },
  isChange: false,
  runbook: {
    title: 'Root password of a member account re-created through centralized root access',
    call: [
      'The owner of {callerArn} in the management (or IAM delegated administrator) account: confirm the root password of {account} was to be re-created (an approved recovery).',
      CALL_ON_CALL,
    ],
    contain: [
      'If it was not approved: delete the root password again, in an AssumeRoot session with the task policy IAMDeleteRootUserCredentials (aws iam delete-login-profile).',
      "Remove sts:AssumeRoot from the caller's permissions and review who can assume that principal.",
      'An expected task belongs in config/sanctioned-root-tasks.json, with its reason and expiry, so that it is recorded without paging.',
    ],
    check: [
      'What the session did in account {account}: its events carry the key the AssumeRoot call issued (AWS tracks privileged tasks by that key).',
      'Root sign-ins and password recovery in account {account} afterwards.',
    ],
    references: [REF.privilegedTask, REF.privilegedTasks, REF.assumeRoot],
  },
} as const satisfies FindingKindEntry;

export { rootPasswordTask };
