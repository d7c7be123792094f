import { ALERT_DETAIL_TYPES } from '../../schemas/alert-event.ts';
import type { Finding } from '../../schemas/finding.ts';
import { cloudTrailEventUrl } from '../formats/aws-places.ts';
import { counted, mfaText } from '../formats/finding-text.ts';
import { serviceOf } from '../../detection/record-fields.ts';
import { findingSubject } from './finding-subject.ts';
import type { ChatMessage, Notification } from './notification.ts';
import { field, list, someOf, wrapWords } from './plain-text.ts';
import type { FilledRunbook } from './runbook-for.ts';
import { runbookFor } from './runbook-for.ts';

const eventOf = (f: Finding) => `${serviceOf(f.eventSource)}:${f.eventName}`;
const accountOf = (f: Finding) => (f.accountAlias ? `${f.account} (${f.accountAlias})` : f.account);
const cisOf = (f: Finding) =>
  [...new Set(f.controls.map((c) => c.version))]
    .map(
      (v) =>
        `${v} ${f.controls
          .filter((c) => c.version === v)
          .map((c) => c.id)
          .join(', ')}`,
    )
    .join('; ');

const keyFields = (f: Finding): string[] => [
  ...field('Event', `${eventOf(f)}${f.eventType ? ` (${f.eventType})` : ''}, ${f.outcome}`),
  ...field('Time', f.time),
  ...field('Account', accountOf(f)),
  ...field('Region', f.region),
  ...field('Source IP', f.sourceIp ?? 'not recorded'),
  ...field('User agent', f.userAgent ?? 'not recorded'),
  ...field('Credential', `${f.credential}${f.accessKeyId ? ` ${f.accessKeyId}` : ''}; MFA ${mfaText(f.mfa)}`),
  ...(f.errorCode || f.errorMessage
    ? field('Error', [f.errorCode, f.errorMessage].filter(Boolean).join(': '))
    : []),
  ...(f.assumedRoot
    ? field(
        'Opened by',
        `${f.assumedRoot.callerArn ?? 'a management-account principal'}` +
          `${f.assumedRoot.taskPolicyArn ? `, task ${f.assumedRoot.taskPolicyArn.split('/').pop()}` : ''}`,
      )
    : []),
  ...field('Severity', `${f.severity} (rule ${f.severityRule})`),
  ...(f.controls.length ? field('CIS', cisOf(f)) : []),
  ...field('Event id', f.eventId),
  ...(f.truncated?.length
    ? field('Shortened', `${f.truncated.join(', ')} (to fit the alert; the record has them whole)`)
    : []),
];

const incidentFields = (f: Finding): string[] =>
  f.incident
    ? [
        '',
        'Incident (this root session so far)',
        ...field('Id', f.incident.id),
        ...field('Findings', `${f.incident.count}, ${f.incident.firstSeen} to ${f.incident.lastSeen}`),
        ...field('Actions', someOf(f.incident.actions)),
        ...field('Regions', someOf(f.incident.regions)),
        ...field('Source IPs', someOf(f.incident.sourceIps)),
      ]
    : [];

/**
 * A finding the completeness scan found after the live path missed it: the alert comes hours
 * after the event, and the reader must know why before acting on its times.
 */
const lateFields = (f: Finding): string[] =>
  f.lateDetection
    ? [
        '',
        'Found late',
        ...wrapWords(
          'EventBridge did not deliver this event to the live detector (its delivery of CloudTrail events ' +
            'is best effort); the completeness scan found it in the trail.',
        ).map((line) => `  ${line}`),
        ...field('Found at', f.lateDetection.detectedAt),
        ...field('Trail object', f.lateDetection.object),
      ]
    : [];

const runbookLines = (runbook: FilledRunbook): string[] => [
  `Runbook: ${runbook.title}`,
  'Who to call',
  ...list(runbook.call),
  ...(runbook.contain.length ? ['Stop the access', ...list(runbook.contain, true)] : []),
  'Check next',
  ...list(runbook.check),
  'References',
  ...list(runbook.references.map((reference) => `${reference.title}: ${reference.url}`)),
];

/** The email body: summary, why it is late (when it is), key fields, incident, CloudTrail link, runbook. */
const findingEmailText = (f: Finding, runbook: FilledRunbook): string =>
  [
    `${f.severity.toUpperCase()}: ${f.title}`,
    '',
    ...wrapWords(f.summary),
    ...lateFields(f),
    '',
    'What happened',
    ...keyFields(f),
    ...incidentFields(f),
    ...(f.suppression
      ? [
          '',
          'Suppressed',
          ...field('Rule', `${f.suppression.ruleId}, until ${f.suppression.expires}`),
          ...field('Reason', f.suppression.reason),
        ]
      : []),
    '',
    `The event in the CloudTrail console (signed in to account ${f.account}):`,
    `  ${cloudTrailEventUrl(f)}`,
    '',
    ...runbookLines(runbook),
    '',
    '--',
    `rootwatch, CloudTrail event ${f.eventId}. An alert can arrive twice; the event id identifies it.`,
  ].join('\n');

const findingChat = (f: Finding, runbook: FilledRunbook, subject: string): ChatMessage => ({
  title: subject,
  description: [
    `\`${eventOf(f)}\` ${f.outcome}${f.errorCode ? ` (${f.errorCode})` : ''} at ${f.time} in ${f.region}` +
      `${f.sourceIp ? ` from \`${f.sourceIp}\`` : ''}; credential ${f.credential}` +
      `${f.accessKeyId ? ` \`${f.accessKeyId}\`` : ''}, MFA ${mfaText(f.mfa)}`,
    ...(f.incident
      ? [
          `Incident \`${f.incident.id}\`: ${counted(f.incident.count, 'finding')}, ` +
            `${counted(f.incident.actions.length, 'action')}, ${counted(f.incident.sourceIps.length, 'source IP')} since ${f.incident.firstSeen}`,
        ]
      : []),
    ...(f.lateDetection
      ? [
          `Found late, at ${f.lateDetection.detectedAt}, by the completeness scan: EventBridge did not deliver this event to the live detector`,
        ]
      : []),
    `Runbook: ${runbook.title}. [Open the event in CloudTrail](${cloudTrailEventUrl(f)})`,
  ].join('\n'),
  nextSteps: runbook.contain.slice(0, 3),
  keywords: [f.severity, f.credential, f.activity, f.account],
  threadId: f.incident?.id ?? f.eventId,
  summary: f.title,
  eventType: ALERT_DETAIL_TYPES.finding,
  relatedResources: [f.principalArn, f.accessKeyId].filter((value): value is string => Boolean(value)),
});

/**
 * The notification of a finding, built from the finding alone (never the raw event): a subject with
 * severity, what happened, the account (and alias) and the source IP; a body with the summary, the
 * key fields, the incident counts, why it comes late (when the completeness scan found it), the
 * CloudTrail console link and the runbook; the same for chat.
 */
const findingNotification = (finding: Finding): Notification => {
  const runbook = runbookFor(finding);
  const subject = findingSubject(finding);
  return {
    id: finding.eventId,
    subject,
    text: findingEmailText(finding, runbook),
    chat: findingChat(finding, runbook, subject),
  };
};

export { findingNotification };
