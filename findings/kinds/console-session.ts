import type { FindingKindEntry } from './kind-entry.ts';
import { INITIAL_ACCESS, VALID_CLOUD_ACCOUNTS } from './attack.ts';
import { REF } from './references.ts';
import {
  CALL_ON_CALL,
  CALL_OWNER,
  CHANGE_PASSWORD_IF_UNPLANNED,
  CHECK_PERSISTENCE,
  CHECK_SESSION,
  SCP_STOP,
} from './steps.ts';

const consoleSession = {
  subject: 'Root console session',
  attack: { tactic: INITIAL_ACCESS, technique: VALID_CLOUD_ACCOUNTS },
  isChange: false,
  runbook: {
    title: 'Root console session',
    call: [CALL_OWNER, CALL_ON_CALL],
    contain: [CHANGE_PASSWORD_IF_UNPLANNED, SCP_STOP],
    check: [
      'The sign-in that opened the session: a root ConsoleLogin from {sourceIp} shortly before, in us-east-1.',
      CHECK_SESSION,
      CHECK_PERSISTENCE,
    ],
    references: [REF.changePassword, REF.scpExamples, REF.bestPractices],
  },
} as const satisfies FindingKindEntry;

export { consoleSession };
