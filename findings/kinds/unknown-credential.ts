import type { FindingKindEntry } from './kind-entry.ts';
import { INITIAL_ACCESS, VALID_CLOUD_ACCOUNTS } from './attack.ts';
import { REF } from './references.ts';
import { CALL_ON_CALL, CALL_OWNER, CHECK_PERSISTENCE, CHECK_SESSION, SCP_STOP } from './steps.ts';

const unknownCredential = {
  subject: 'Root activity',
  attack: { tactic: INITIAL_ACCESS, technique: VALID_CLOUD_ACCOUNTS },
  isChange: false,
  runbook: {
    title: 'Root activity with unidentified credentials',
    call: [CALL_OWNER, CALL_ON_CALL],
    contain: [
      "Identify the credential first: the event's userIdentity (accessKeyId, sessionContext); then follow the runbook for a root key, a console session or root temporary credentials.",
      SCP_STOP,
    ],
    check: [CHECK_SESSION, CHECK_PERSISTENCE],
    references: [REF.bestPractices, REF.scpExamples],
  },
} as const satisfies FindingKindEntry;

export { unknownCredential };
