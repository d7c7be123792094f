import type { FindingKindEntry } from './kind-entry.ts';
import { ADDITIONAL_CLOUD_CREDENTIALS, PERSISTENCE } from './attack.ts';
import { REF } from './references.ts';
import { CALL_ON_CALL, CALL_OWNER, CHECK_SESSION } from './steps.ts';

const accessKeyChange = {
  subject: 'Root access key change',
  attack: { tactic: PERSISTENCE, technique: ADDITIONAL_CLOUD_CREDENTIALS },
  isChange: true,
  runbook: {
    title: 'Root access key created or changed',
    call: [CALL_OWNER, CALL_ON_CALL],
    contain: [
      "If a root key was created or activated without a plan, deactivate and delete it: as root, Security credentials, Access keys, Actions, Delete; its id is in the event's responseElements (open the event).",
      'In a member account with centralized root access, delete it from the management account: an AssumeRoot session with the task policy IAMDeleteRootUserCredentials, then aws iam delete-access-key.',
    ],
    check: [
      'Whether the new key was used: rootwatch access-key findings, or the credential report (access_key_1_last_used_date).',
      'A userName in the request means a key for that IAM user, not root: check that user instead.',
      CHECK_SESSION,
    ],
    references: [REF.deleteKeys, REF.centralizedRoot, REF.bestPractices],
  },
} as const satisfies FindingKindEntry;

export { accessKeyChange };
