import { ALERT_DETAIL_TYPES } from '../schemas/alert-event.ts';
import type { PostureAlertDetail } from '../schemas/posture-alert.ts';
import type { PostureCheckId } from '../schemas/posture-result.ts';
import { emailSubject } from '../findings/notifications/email-subject.ts';
import type { Notification } from '../findings/notifications/notification.ts';
import { field, list, wrapWords } from '../findings/notifications/plain-text.ts';
import type { Reference } from '../findings/kinds/kind-entry.ts';
import { REF } from '../findings/kinds/references.ts';

interface PostureRunbook {
  title: string;
  why: string;
  fix: readonly string[];
  references: readonly Reference[];
}

const CENTRAL =
  'In a member account with centralized root access, do it from the management account: an AssumeRoot session with the task policy IAMDeleteRootUserCredentials.';

/** What to do about each failed root posture check (CIS AWS Foundations), reviewed against the pages cited. */
const POSTURE_RUNBOOKS: Record<PostureCheckId, PostureRunbook> = {
  'root-access-keys': {
    title: 'Root has an active access key',
    why: 'Whoever holds a root access key can do anything in the account, without MFA (CIS: no root access keys).',
    fix: [
      'Find what uses the key (the credential report: access_key_N_last_used_date and _service), move it to an IAM role.',
      'Deactivate the key, then delete it: as root, Security credentials, Access keys, Actions.',
      CENTRAL,
    ],
    references: [REF.deleteKeys, REF.centralizedRoot],
  },
  'root-key-rotation': {
    title: 'Root access key not rotated for 90 days',
    why: 'An old root key has had years to leak; root should have no key at all.',
    fix: ['Delete the key rather than rotate it: as root, Security credentials, Access keys.', CENTRAL],
    references: [REF.deleteKeys],
  },
  'root-mfa': {
    title: 'Root has no MFA',
    why: 'A password alone opens the most powerful identity in the account (CIS: MFA on root).',
    fix: [
      'Sign in as root and assign an MFA device (Security credentials, Multi-factor authentication); up to eight are allowed.',
      'Or remove the root password altogether in member accounts (centralized root access).',
    ],
    references: [REF.mfa, REF.centralizedRoot],
  },
  'root-hardware-mfa': {
    title: 'Root MFA is not a hardware device',
    why: 'CIS asks for hardware MFA on root: a virtual device lives on a phone that can be lost or cloned.',
    fix: ['Assign a FIDO security key or a hardware TOTP token to root, then remove the virtual device.'],
    references: [REF.mfa],
  },
  'root-recent-use': {
    title: 'Root was used recently',
    why: 'Root should be used only for the few tasks that need it (CIS: eliminate use of root).',
    fix: [
      'Find who used root and why: rootwatch findings for the account, or root events in CloudTrail.',
      'If nobody can explain it, follow the runbook of a root sign-in without MFA or of a root key.',
    ],
    references: [REF.bestPractices],
  },
  'centralized-root-access': {
    title: 'Centralized root access is not enabled for the organisation',
    why:
      'Without it, every member account keeps a root user whose password anyone holding its e-mail address can recover ' +
      '(CIS v7.0.0 2.1.1: centralized root access in AWS Organizations).',
    fix: [
      'In the management account, enable trusted access for IAM in AWS Organizations.',
      'Enable both features: aws iam enable-organizations-root-credentials-management and aws iam enable-organizations-root-sessions (or IAM console, Root access management).',
      'Then remove member root credentials (an AssumeRoot session with IAMDeleteRootUserCredentials); new member accounts have none.',
    ],
    references: [REF.centralizedRoot],
  },
};

/** The notification of a posture check that turned to `fail`. */
const postureNotification = (alert: PostureAlertDetail): Notification => {
  const runbook = POSTURE_RUNBOOKS[alert.check];
  const subject = emailSubject({ tag: '[POSTURE FAIL]', headline: runbook.title, account: alert.account });
  const cis = alert.controls.map((control) => `${control.version} ${control.id}`).join(', ');
  const text = [
    `FAIL: ${runbook.title} in account ${alert.account}`,
    '',
    ...wrapWords(`${alert.detail.charAt(0).toUpperCase()}${alert.detail.slice(1)}. ${runbook.why}`),
    '',
    'What was found',
    ...field('Check', alert.check),
    ...field('Account', alert.account),
    ...field('Detail', alert.detail),
    ...field('As of', `${alert.asOf} (the credential report)`),
    ...(cis ? field('CIS', cis) : []),
    ...Object.entries(alert.evidence).flatMap(([column, value]) => field('Evidence', `${column} = ${value}`)),
    '',
    `Runbook: ${runbook.title}`,
    'Who to call',
    ...list([`The owner of account ${alert.account}.`]),
    'Fix',
    ...list(runbook.fix, true),
    'References',
    ...list(runbook.references.map((reference) => `${reference.title}: ${reference.url}`)),
    '',
    '--',
    `rootwatch posture audit, alert ${alert.eventId}. It is sent once when the check fails, not again while it stays failed.`,
  ].join('\n');
  return {
    id: alert.eventId,
    subject,
    text,
    chat: {
      title: subject,
      description: `**POSTURE FAIL** ${runbook.title} in ${alert.account}: ${alert.detail} (as of ${alert.asOf}).\n${runbook.why}`,
      nextSteps: [...runbook.fix],
      keywords: ['posture', alert.check, alert.account],
      threadId: alert.eventId,
      summary: `${runbook.title} in ${alert.account}`,
      eventType: ALERT_DETAIL_TYPES.posture,
      relatedResources: [`arn:aws:iam::${alert.account}:root`],
    },
  };
};

export { postureNotification, POSTURE_RUNBOOKS };
