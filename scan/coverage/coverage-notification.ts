import { emailSubject } from '../../findings/notifications/email-subject.ts';
import type { Notification } from '../../findings/notifications/notification.ts';
import { field, list, wrapWords } from '../../findings/notifications/plain-text.ts';
import { ALERT_DETAIL_TYPES } from '../../schemas/alert-event.ts';
import type { CoverageAlertDetail } from '../../schemas/coverage-alert.ts';

const REFERENCES = [
  'Coverage and liveness (rootwatch docs/coverage.md)',
  'Managing targets of StackSets (add stack instances): https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/stackinstances-create.html',
  'EventBridge dead-letter queues: https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html',
];

const FIX_SILENT = [
  'In that account and Region, check that the RootwatchForwarder stack exists and that its rule and its liveness schedule are enabled (a deletion or a disable is itself recorded by CloudTrail: look for who did it).',
  'Look at the forwarder dead-letter queue: its messages name the error (ERROR_CODE), e.g. a changed ingest bus policy; redrive them once fixed.',
  'Until it is heard again, root activity there reaches the detector only through the completeness scan of the organisation trail, if at all.',
];
const FIX_NEVER = [
  'Deploy the forwarder there: add a stack instance of the RootwatchForwarder StackSet for this account and Region (a Region enabled after the StackSet was made is not covered until you do).',
  ...FIX_SILENT.slice(2),
];

/** The notification of a place that went silent, or that was expected and never heard. */
const coverageNotification = (alert: CoverageAlertDetail): Notification => {
  const never = alert.liveness === 'never-heard';
  const headline = never ? 'Forwarder never heard' : 'Forwarder silent';
  const place = `${alert.account} ${alert.region}`;
  const subject = emailSubject({ tag: '[COVERAGE GAP]', headline: `${headline}: ${alert.region}`, account: alert.account });
  const since = never
    ? 'no liveness event was ever heard from it'
    : `its last liveness event was heard at ${alert.lastHeard}, ${alert.silentForMinutes} minutes before ${alert.asOf}`;
  const fix = never ? FIX_NEVER : FIX_SILENT;
  const text = [
    `COVERAGE GAP: ${headline} in account ${alert.account}, Region ${alert.region}`,
    '',
    ...wrapWords(
      `The detector cannot prove it hears this account and Region: ${since} (the check allows ${alert.silentAfterMinutes} minutes). Root activity there may go unseen.`,
    ),
    '',
    'What was found',
    ...field('Account', alert.account),
    ...field('Region', alert.region),
    ...field('Last heard', alert.lastHeard ?? 'never'),
    ...field('Trail', alert.trail),
    ...field('As of', alert.asOf),
    '',
    'Fix',
    ...list(fix, true),
    'References',
    ...list(REFERENCES),
    '',
    '--',
    `rootwatch coverage check, alert ${alert.eventId}. It is sent once per silence, not again while it lasts.`,
  ].join('\n');
  return {
    id: alert.eventId,
    subject,
    text,
    chat: {
      title: subject,
      description: `**COVERAGE GAP** ${headline} in ${place}: ${since}.`,
      nextSteps: [...fix],
      keywords: ['coverage', alert.account, alert.region],
      threadId: alert.eventId,
      summary: `${headline} in ${place}`,
      eventType: ALERT_DETAIL_TYPES.coverage,
      relatedResources: [`arn:aws:iam::${alert.account}:root`],
    },
  };
};

export { coverageNotification };
