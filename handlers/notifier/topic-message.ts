import { chatbotNotification } from '../../findings/notifications/notification.ts';
import type { Notification } from '../../findings/notifications/notification.ts';
import type { TopicMessage } from '../../adapters/sns-publisher.ts';

/**
 * A notification as one SNS message: email subscribers get the subject and the plain-text body;
 * every other protocol (Amazon Q Developer in chat applications, HTTPS, SQS, Lambda) the custom
 * notification JSON, whose markdown chat clients render; SMS the subject alone.
 */
const topicMessage = (notification: Notification): TopicMessage => ({
  subject: notification.subject,
  byProtocol: {
    default: JSON.stringify(chatbotNotification(notification)),
    email: notification.text,
    sms: notification.subject,
  },
});

export { topicMessage };
