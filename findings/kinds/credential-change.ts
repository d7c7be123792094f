import type { FindingKindEntry } from './kind-entry.ts';
import { ADDITIONAL_CLOUD_CREDENTIALS, PERSISTENCE } from './attack.ts';
import { REF } from './references.ts';
import { CALL_ON_CALL, CALL_OWNER, CHECK_PERSISTENCE, CHECK_SESSION } from './steps.ts';

const credentialChange = {
  subject: 'Root credential change',
  attack: { tactic: PERSISTENCE, technique: ADDITIONAL_CLOUD_CREDENTIALS },
  isChange: true,
  runbook: {
    title: 'Root credential change',
    call: [CALL_OWNER, CALL_ON_CALL],
    contain: [
      'If unplanned, undo it (a signing certificate root uploaded: Security credentials, X.509 certificates, delete) and treat root as compromised.',
    ],
    check: [CHECK_SESSION, CHECK_PERSISTENCE],
    references: [REF.bestPractices],
  },
} as const satisfies FindingKindEntry;

export { credentialChange };
