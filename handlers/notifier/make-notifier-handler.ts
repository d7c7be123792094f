import * as z from 'zod/mini';
import { findingNotification } from '../../findings/notifications/finding-notification.ts';
import type { Notification } from '../../findings/notifications/notification.ts';
import { postureNotification } from '../../posture/posture-notification.ts';
import { coverageNotification } from '../../scan/coverage/coverage-notification.ts';
import type { AlertBusEvent } from '../../schemas/alert-bus-event.ts';
import { AlertBusEventSchema } from '../../schemas/alert-bus-event.ts';
import { ALERT_DETAIL_TYPES } from '../../schemas/alert-event.ts';
import type { Logger } from '../../adapters/logger.ts';
import type { TopicMessage } from '../../adapters/sns-publisher.ts';
import { shrinkToFit } from '../../adapters/shrink-to-fit.ts';
import { topicMessage } from './topic-message.ts';
import type { SentAlerts } from './sent-alerts.ts';
import { budgetSignal } from '../invocation-budget.ts';
import type { RemainingTime } from '../invocation-budget.ts';

interface NotifierDeps {
  topic: { publish(message: TopicMessage, options?: { signal?: AbortSignal }): Promise<string | undefined> };
  /** The alerts already published, so that a copy (a retry, a redelivery) does not page twice. */
  sentAlerts?: SentAlerts;
  /** Whether `sentAlerts` is shared by every container (the incident table), for the logs. */
  sharedLedger?: boolean;
  logger: Logger;
}

/** The notifier's calls give up this long before its invocation ends, to log and fail it. */
const NOTIFY_MARGIN_MS = 1_000;

/** An event the notifier cannot read: it will never become readable, so it goes to the dead-letter queue. */
class InvalidAlertError extends Error {
  override name = 'InvalidAlertError';
}

/**
 * SNS takes messages up to 256 KB (262,144 bytes), the JSON of every protocol's text together
 * (`MessageStructure: json`): https://docs.aws.amazon.com/sns/latest/api/API_Publish.html
 */
const SNS_MESSAGE_BYTES = 262_144;
const encoder = new TextEncoder();
const messageBytes = (message: TopicMessage) => encoder.encode(JSON.stringify(message.byProtocol)).length;

/** An alert's notification; a finding's free-text fields shortened (and named) until its message fits SNS. */
const notificationOf = (alert: AlertBusEvent): Notification => {
  switch (alert['detail-type']) {
    case ALERT_DETAIL_TYPES.finding: {
      const { detail } = shrinkToFit(
        alert.detail,
        (finding) => messageBytes(topicMessage(findingNotification(finding))) <= SNS_MESSAGE_BYTES,
      );
      return findingNotification(detail);
    }
    case ALERT_DETAIL_TYPES.posture:
      return postureNotification(alert.detail);
    case ALERT_DETAIL_TYPES.coverage:
      return coverageNotification(alert.detail);
  }
};

/**
 * The notifier: one alert from the alert bus (`Root Activity Finding`, `Root Posture Finding` or
 * `Rootwatch Coverage Gap`)
 * becomes one SNS message with a subject, which a rule's input transformer cannot set. Built from
 * the alert alone. An alert that is not valid fails the invocation, so that it ends in the
 * dead-letter queue (whose alarm pages operations) rather than being dropped; a publish that still
 * fails after its retries fails it too, so that Lambda retries it. A second alert with the same
 * detail type and id within a day is dropped (`sentAlerts`; the promise is in
 * docs/incidents-and-suppression.md); when the store of sent alerts fails, the alert is published
 * anyway: paging twice is better than not paging.
 */
const makeNotifierHandler =
  (deps: NotifierDeps) =>
  async (
    event: unknown,
    context: { awsRequestId?: string } & RemainingTime = {},
  ): Promise<{ id: string; messageId?: string; duplicate?: true }> => {
    const log = deps.logger.child({ awsRequestId: context.awsRequestId });
    const parsed = AlertBusEventSchema.safeParse(event);
    if (!parsed.success) {
      log.error(
        { issues: parsed.error.issues.length },
        'not an alert the notifier knows: failed, for the dead-letter queue',
      );
      throw new InvalidAlertError(`rootwatch notifier: invalid alert:\n${z.prettifyError(parsed.error)}`);
    }
    const notification = notificationOf(parsed.data);
    const signal = budgetSignal(context, NOTIFY_MARGIN_MS);
    const budget = signal ? { signal } : {};
    const key = `${parsed.data['detail-type']}#${notification.id}`;
    const ledger = deps.sentAlerts;
    const fresh = ledger
      ? await ledger.claim(key, budget).catch((error: unknown) => {
          log.warn({ err: error }, 'could not check for a copy of this alert: publishing anyway');
          return true;
        })
      : true;
    if (!fresh) {
      log.info(
        { id: notification.id, shared: deps.sharedLedger ?? false },
        'copy of an alert already sent: dropped',
      );
      return { id: notification.id, duplicate: true };
    }
    let messageId: string | undefined;
    try {
      messageId = await deps.topic.publish(topicMessage(notification), budget);
    } catch (error) {
      await ledger
        ?.release(key)
        .catch((release: unknown) => log.warn({ err: release }, 'could not release the claim'));
      throw error;
    }
    await ledger
      ?.sent(key, budget)
      .catch((error: unknown) => log.warn({ err: error }, 'could not note that the alert was sent'));
    log.info(
      {
        id: notification.id,
        detailType: parsed.data['detail-type'],
        subjectLength: notification.subject.length,
      },
      'notified',
    );
    return { id: notification.id, ...(messageId && { messageId }) };
  };

export { makeNotifierHandler, InvalidAlertError };
export type { NotifierDeps };
