import type { Finding } from '../schemas/finding.ts';
import { EventTable } from '../detection/event-table.ts';

/**
 * What a finding is about, for a responder: the runbook, the ATT&CK technique and the ASFF type
 * follow from it. Decided from the facts (activity, credential, event, outcome, MFA), never from
 * `severityRule`, so that a severity override changes the severity and nothing else.
 */
type FindingKind =
  | 'sign-in-without-mfa'
  | 'sign-in'
  | 'failed-sign-in'
  | 'password-recovery'
  | 'access-key-change'
  | 'mfa-removed'
  | 'mfa-change'
  | 'password-change'
  | 'email-change'
  | 'credential-change'
  | 'logging-change'
  | 'access-key-use'
  | 'console-session'
  | 'session-token'
  | 'assumed-root'
  | 'aws-service'
  | 'unknown-credential'
  | 'detector-tampering'
  | 'member-root-email-change'
  | 'root-password-task'
  | 'root-task';

const CREDENTIAL_CHANGE_KINDS = new EventTable<FindingKind>([
  ['iam:CreateAccessKey', 'access-key-change'],
  ['iam:UpdateAccessKey', 'access-key-change'],
  ['iam:DeactivateMFADevice', 'mfa-removed'],
  ['iam:DeleteVirtualMFADevice', 'mfa-removed'],
  ['iam:CreateVirtualMFADevice', 'mfa-change'],
  ['iam:EnableMFADevice', 'mfa-change'],
  ['iam:ResyncMFADevice', 'mfa-change'],
  ['iam:CreateLoginProfile', 'password-change'],
  ['iam:UpdateLoginProfile', 'password-change'],
  ['iam:DeleteLoginProfile', 'password-change'],
  ['iam:ChangePassword', 'password-change'],
  ['signin:PasswordUpdated', 'password-change'],
  ['signin:EmailUpdated', 'email-change'],
  ['account:StartPrimaryEmailUpdate', 'email-change'],
  ['account:AcceptPrimaryEmailUpdate', 'email-change'],
]);

const BY_CREDENTIAL: Record<Finding['credential'], FindingKind> = {
  password: 'console-session',
  'console-session': 'console-session',
  'access-key': 'access-key-use',
  'session-token': 'session-token',
  'assumed-root': 'assumed-root',
  'aws-service': 'aws-service',
  unknown: 'unknown-credential',
  // Unreachable: a principal that is not root gives a finding only through the activities below.
  'iam-principal': 'unknown-credential',
};

/** The kind of a finding: by activity first (what happened), then by credential (what was used). */
const findingKind = (finding: Finding): FindingKind => {
  switch (finding.activity) {
    case 'sign-in':
      if (finding.outcome === 'failure') return 'failed-sign-in';
      return finding.mfa === false ? 'sign-in-without-mfa' : 'sign-in';
    case 'password-recovery':
      return 'password-recovery';
    case 'credential-change':
      return CREDENTIAL_CHANGE_KINDS.get(finding) ?? 'credential-change';
    case 'logging-change':
      return 'logging-change';
    case 'api-call':
      return BY_CREDENTIAL[finding.credential];
    case 'detector-tampering':
    case 'member-root-email-change':
    case 'root-password-task':
    case 'root-task':
      return finding.activity;
  }
};

export { findingKind };
export type { FindingKind };
