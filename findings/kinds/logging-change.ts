import type { FindingKindEntry } from './kind-entry.ts';
import { DEFENSE_EVASION } from './attack.ts';
import { REF } from './references.ts';
import { CALL_ON_CALL, CALL_OWNER, CHECK_SESSION } from './steps.ts';

const loggingChange = {
  subject: 'Logging change by root',
  attack: {
    tactic: DEFENSE_EVASION,
    technique: { uid: 'T1562.008', name: 'Impair Defenses: Disable or Modify Cloud Logs' },
  },
  isChange: true,
  runbook: {
    title: 'Logging changed by root',
    call: [CALL_ON_CALL, CALL_OWNER],
    contain: [
      'Restore what changed: restart the trail (aws cloudtrail start-logging --name <trail>), recreate a deleted trail, rule, log group, metric filter or alarm, put the retention back.',
      'LeaveOrganization takes the account out of its SCPs and the organisation trail: invite it back, or close it.',
      'Deny these changes to everyone with an SCP (cloudtrail:StopLogging, cloudtrail:DeleteTrail, organizations:LeaveOrganization).',
    ],
    check: [
      'What else happened while logging was reduced: the organisation trail and other Regions still recorded it.',
      'That rootwatch still hears from this account: its forwarder rule and the daily heartbeat.',
      CHECK_SESSION,
    ],
    references: [REF.startLogging, REF.scpExamples],
  },
} as const satisfies FindingKindEntry;

export { loggingChange };
