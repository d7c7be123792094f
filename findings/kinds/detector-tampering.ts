import type { FindingKindEntry } from './kind-entry.ts';
import { DEFENSE_EVASION, DISABLE_OR_MODIFY_TOOLS } from './attack.ts';
import { REF } from './references.ts';

const detectorTampering = {
  subject: 'Detector tampering',
  attack: { tactic: DEFENSE_EVASION, technique: DISABLE_OR_MODIFY_TOOLS },
  isChange: true,
  runbook: {
    title: 'rootwatch itself disabled or weakened',
    call: [
      'Your security on-call: rootwatch was changed, and what follows may go unseen.',
      'The owner of {principalArn} (a person, or the pipeline that deploys rootwatch): confirm the change was planned.',
    ],
    contain: [
      'Restore what changed by deploying the Rootwatch stack again (a forwarder: its StackSet instance): CloudFormation puts back the rules and targets, function settings, key and topic policies, retention and filters it manages.',
      'A KMS key disabled or scheduled for deletion: enable it, or cancel the deletion (aws kms cancel-key-deletion) within its waiting period.',
      "Deny these calls on rootwatch's resources to all but the deployment role with an SCP.",
    ],
    check: [
      'Which resource and how: {resource} ({event}).',
      'What else {principalArn} did while rootwatch was weakened: its CloudTrail events in every Region (the organisation trail still recorded them).',
      'That rootwatch hears from this account and Region again: its heartbeat and the coverage report.',
    ],
    references: [REF.disableRule, REF.keyDeletion, REF.stackProtection, REF.scpExamples],
  },
} as const satisfies FindingKindEntry;

export { detectorTampering };
