import type { Finding } from '../../schemas/finding.ts';
import type { FindingKind } from '../finding-kind.ts';
import { findingKind } from '../finding-kind.ts';
import { serviceOf } from '../../detection/record-fields.ts';
import { emailSubject } from './email-subject.ts';

/** What happened, in the few words a subject line has room for. */
const SUBJECT_WORDS: Record<FindingKind, string> = {
  'sign-in-without-mfa': 'Root sign-in without MFA',
  'sign-in': 'Root sign-in',
  'failed-sign-in': 'Failed root sign-in',
  'password-recovery': 'Root password recovery',
  'access-key-change': 'Root access key change',
  'mfa-removed': 'Root MFA removed',
  'mfa-change': 'Root MFA change',
  'password-change': 'Root password change',
  'email-change': 'Root email change',
  'credential-change': 'Root credential change',
  'logging-change': 'Logging change by root',
  'access-key-use': 'Root access key used',
  'console-session': 'Root console session',
  'session-token': 'Root temporary credentials',
  'assumed-root': 'AssumeRoot session',
  'aws-service': 'AWS service as root',
  'unknown-credential': 'Root activity',
};

/**
 * `[CRITICAL] Root access key used: ec2:RunInstances (failed) in 111122223333 from 203.0.113.10`:
 * severity, what happened, the account (and alias when known) and the source IP, under 100
 * characters (see email-subject.ts). A console sign-in needs no event name. A finding that pages
 * again because its incident got more severe says so: `[CRITICAL, escalated] …`; so does one the
 * completeness scan found in the trail after the live path missed it: `[CRITICAL, late] …`.
 */
const findingSubject = (finding: Finding): string => {
  const words = SUBJECT_WORDS[findingKind(finding)];
  const event = `${serviceOf(finding.eventSource)}:${finding.eventName}`;
  const failed = finding.outcome === 'failure' && finding.activity !== 'sign-in' ? ' (failed)' : '';
  return emailSubject({
    tag: `[${finding.severity.toUpperCase()}${finding.incident?.alert === 'escalation' ? ', escalated' : ''}${
      finding.lateDetection ? ', late' : ''
    }]`,
    headline: finding.eventName === 'ConsoleLogin' ? words : `${words}: ${event}${failed}`,
    account: finding.account,
    alias: finding.accountAlias,
    sourceIp: finding.sourceIp,
  });
};

export { findingSubject };
