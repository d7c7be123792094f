import type { FindingKindEntry } from './kind-entry.ts';
import { INITIAL_ACCESS, VALID_CLOUD_ACCOUNTS } from './attack.ts';
import { REF } from './references.ts';
import { CALL_ON_CALL, CHECK_PERSISTENCE, CHECK_SOURCE } from './steps.ts';

const accessKeyUse = {
  subject: 'Root access key used',
  attack: { tactic: INITIAL_ACCESS, technique: VALID_CLOUD_ACCOUNTS },
  isChange: false,
  runbook: {
    title: 'Root access key used',
    call: [
      CALL_ON_CALL,
      'The owner of account {account}: who holds the root key {accessKeyId}, and where is it stored?',
    ],
    contain: [
      'Deactivate {accessKeyId} now and delete it once nothing legitimate breaks: as root, Security credentials, Access keys.',
      'In a member account with centralized root access: an AssumeRoot session with IAMDeleteRootUserCredentials, then aws iam delete-access-key --access-key-id {accessKeyId}.',
      'Sessions the key issued (GetSessionToken, GetFederationToken: at most an hour for root) cannot be restricted by any IAM policy; an SCP that denies the root user stops them in member accounts.',
    ],
    check: [
      'Everything the key did: CloudTrail events with accessKeyId {accessKeyId}, in every Region.',
      CHECK_SOURCE,
      CHECK_PERSISTENCE,
    ],
    references: [REF.deleteKeys, REF.temporaryCredentials, REF.centralizedRoot],
  },
} as const satisfies FindingKindEntry;

export { accessKeyUse };
