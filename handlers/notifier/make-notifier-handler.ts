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
import { topicMessage } from './topic-message.ts';

interface NotifierDeps {
  topic: { publish(message: TopicMessage): Promise<string | undefined> };
  logger: Logger;
}

/** An event the notifier cannot read: it will never become readable, so it goes to the dead-letter queue. */
class InvalidAlertError extends Error {
  override name = 'InvalidAlertError';
}

const notificationOf = (alert: AlertBusEvent): Notification => {
  switch (alert['detail-type']) {
    case ALERT_DETAIL_TYPES.finding:
      return findingNotification(alert.detail);
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
 * fails after its retries fails it too, so that Lambda retries it.
 */
const makeNotifierHandler =
  (deps: NotifierDeps) =>
  async (
    event: unknown,
    context: { awsRequestId?: string } = {},
  ): Promise<{ id: string; messageId?: string }> => {
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
    const messageId = await deps.topic.publish(topicMessage(notification));
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
