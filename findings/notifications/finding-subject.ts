import type { Finding } from '../../schemas/finding.ts';
import { kindEntry } from '../catalogue.ts';
import { findingKind } from '../finding-kind.ts';
import { serviceOf } from '../../detection/record-fields.ts';
import { emailSubject } from './email-subject.ts';

/**
 * `[CRITICAL] Root access key used: ec2:RunInstances (failed) in 111122223333 from 203.0.113.10`:
 * severity, what happened, the account (and alias when known) and the source IP, under 100
 * characters (see email-subject.ts). A console sign-in needs no event name. A finding that pages
 * again because its incident got more severe says so: `[CRITICAL, escalated] …`; so does one the
 * completeness scan found in the trail after the live path missed it: `[CRITICAL, late] …`.
 */
const findingSubject = (finding: Finding): string => {
  const words = kindEntry(findingKind(finding)).subject;
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
