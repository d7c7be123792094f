import type { FindingKindEntry } from './kind-entry.ts';
import { INITIAL_ACCESS, VALID_CLOUD_ACCOUNTS } from './attack.ts';
import { REF } from './references.ts';
import { CALL_ON_CALL, CALL_OWNER, CHECK_SESSION } from './steps.ts';

const sessionToken = {
  subject: 'Root temporary credentials',
  attack: { tactic: INITIAL_ACCESS, technique: VALID_CLOUD_ACCOUNTS },
  isChange: false,
  runbook: {
    title: 'Root temporary credentials used',
    call: [CALL_ON_CALL, CALL_OWNER],
    contain: [
      'These credentials ({accessKeyId}) came from a root access key (GetSessionToken) or a federation token root issued: delete that root key.',
      'The credentials last up to an hour for root and no IAM policy restricts them; an SCP that denies the root user stops them in member accounts.',
    ],
    check: [
      'The GetSessionToken or GetFederationToken call that issued {accessKeyId}, and the key that made it; if there is none, an AssumeRoot call in the management account may have issued it (a centralized-root session).',
      CHECK_SESSION,
    ],
    references: [REF.temporaryCredentials, REF.deleteKeys, REF.scpExamples],
  },
} as const satisfies FindingKindEntry;

export { sessionToken };
