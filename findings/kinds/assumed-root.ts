import type { FindingKindEntry } from './kind-entry.ts';
import { INITIAL_ACCESS, VALID_CLOUD_ACCOUNTS } from './attack.ts';
import { REF } from './references.ts';

const assumedRoot = {
  subject: 'AssumeRoot session',
  attack: { tactic: INITIAL_ACCESS, technique: VALID_CLOUD_ACCOUNTS },
  isChange: false,
  runbook: {
    title: 'Centralized root session (AssumeRoot)',
    call: [
      'The owner of {callerArn} in the management (or IAM delegated administrator) account: confirm the privileged task was approved.',
      'Your security on-call if it was not.',
    ],
    contain: [
      "The session lasts at most 15 minutes. If it was not approved, remove sts:AssumeRoot from the caller's permissions and review who can assume that principal.",
    ],
    check: [
      'The AssumeRoot call: caller {callerArn}, task policy {taskPolicy}.',
      'Everything done in account {account} with the session key {accessKeyId} (AWS tracks privileged tasks by that key).',
    ],
    references: [REF.privilegedTasks, REF.centralizedRoot],
  },
} as const satisfies FindingKindEntry;

export { assumedRoot };
