/**
 * A chat message: a title and short markdown, with next steps. The shape of the `content` and
 * `metadata` of a custom notification of Amazon Q Developer in chat applications (AWS Chatbot).
 */
interface ChatMessage {
  title: string;
  /** Markdown: a few lines and a link to the event. */
  description: string;
  nextSteps: string[];
  keywords: string[];
  /** Messages with the same thread id go to one thread: the incident, else the event. */
  threadId: string;
  summary: string;
  eventType: string;
  relatedResources: string[];
}

/** What the notifier sends for one alert: the email (subject and body) and the chat message. */
interface Notification {
  /** The idempotency key of the alert it was built from. */
  id: string;
  /** An SNS subject: ASCII, one line, fewer than 100 characters. */
  subject: string;
  /** The email body, plain text. */
  text: string;
  chat: ChatMessage;
}

/** The chat message as one markdown text, for a webhook or a terminal. */
const chatMarkdown = (chat: ChatMessage): string =>
  [
    `**${chat.title}**`,
    chat.description,
    ...(chat.nextSteps.length
      ? [['**Next steps**', ...chat.nextSteps.map((step, i) => `${i + 1}. ${step}`)].join('\n')]
      : []),
  ].join('\n\n');

/**
 * A custom notification of Amazon Q Developer in chat applications (formerly AWS Chatbot), which
 * renders `client-markdown` in Slack, Microsoft Teams or Amazon Chime when it reads the SNS topic.
 * @see https://docs.aws.amazon.com/chatbot/latest/adminguide/custom-notifs.html
 */
const chatbotNotification = (notification: Notification) => ({
  version: '1.0',
  source: 'custom',
  id: notification.id,
  content: {
    textType: 'client-markdown',
    title: notification.chat.title,
    description: notification.chat.description,
    nextSteps: notification.chat.nextSteps,
    keywords: notification.chat.keywords,
  },
  metadata: {
    threadId: notification.chat.threadId,
    summary: notification.chat.summary,
    eventType: notification.chat.eventType,
    relatedResources: notification.chat.relatedResources,
  },
});

export { chatMarkdown, chatbotNotification };
export type { ChatMessage, Notification };
