import type { FindingKindEntry } from './kind-entry.ts';
import { PRIVILEGE_ESCALATION, VALID_CLOUD_ACCOUNTS } from './attack.ts';
import { REF } from './references.ts';
import { CALL_ON_CALL } from './steps.ts';

const rootTask = {
  subject: 'Centralized root task',
  attack: { tactic: PRIVILEGE_ESCALATION, technique: VALID_CLOUD_ACCOUNTS },
  isChange: false,
  runbook: {
    title: 'Centralized root task on a member account (AssumeRoot)',
    call: [
      'The owner of {callerArn} in the management (or IAM delegated administrator) account: confirm the task {taskPolicy} on {account} was approved.',
      CALL_ON_CALL,
    ],
    contain: [
      "The session lasts at most 15 minutes and can do only what its task policy allows. If it was not approved, remove sts:AssumeRoot from the caller's permissions and review who can assume that principal.",
      'An expected task belongs in config/sanctioned-root-tasks.json, with its reason and expiry, so that it is recorded without paging.',
    ],
    check: [
      'What the session did in account {account}: its events carry the key the AssumeRoot call issued (rootwatch labels them assumed-root).',
      'For IAMDeleteRootUserCredentials: which root credentials are gone (the credential report); for S3UnlockBucketPolicy or SQSUnlockQueuePolicy: which policy was deleted.',
    ],
    references: [REF.privilegedTask, REF.privilegedTasks, REF.assumeRoot],
  },
} as const satisfies FindingKindEntry;

export { rootTask };
