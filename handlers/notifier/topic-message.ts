import { chatbotNotification } from '../../findings/notifications/notification.ts';
import type { Notification } from '../../findings/notifications/notification.ts';
import type { TopicMessage } from '../../adapters/sns-publisher.ts';
import { escapeControl } from '../../findings/formats/control-characters.ts';

/**
 * A notification as one SNS message: email subscribers get the subject and the plain-text body;
 * every other protocol (Amazon Q Developer in chat applications, HTTPS, SQS, Lambda) the custom
 * notification JSON, whose markdown chat clients render; SMS the subject alone.
 */
const topicMessage = (notification: Notification): TopicMessage => {
  // Control characters from record fields never reach a mail client or a chat raw.
  const subject = escapeControl(notification.subject);
  return {
    subject,
    byProtocol: {
      default: escapeControl(JSON.stringify(chatbotNotification(notification))),
      email: escapeControl(notification.text, { keepNewlines: true }),
      sms: subject,
    },
  };
};

export { topicMessage };
