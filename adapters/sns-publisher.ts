import { PublishCommand } from '@aws-sdk/client-sns';
import type { SNSClient } from '@aws-sdk/client-sns';
import type { RetryPolicy } from './retry.ts';
import { DEFAULT_RETRY_POLICY, withRetries } from './retry.ts';

/**
 * One message for a topic: a subject (for email) and a text per protocol. `default` is required; SNS
 * sends each subscription the text of its protocol (`email`, `https`, `sqs`, …) or else `default`.
 * @see https://docs.aws.amazon.com/sns/latest/dg/sns-send-custom-platform-specific-payloads-mobile-devices.html
 */
interface TopicMessage {
  subject: string;
  byProtocol: { default: string } & Record<string, string>;
}

interface SnsPublisherOptions {
  client: SNSClient;
  topicArn: string;
  retry?: RetryPolicy;
}

/**
 * Publishes to one SNS topic (`MessageStructure: json`), retrying throttling and transient errors.
 * Publish takes no idempotency token (only FIFO topics deduplicate): a message SNS stored whose
 * answer was lost is sent again, and readers tell copies apart by the id in the message.
 */
class SnsPublisher {
  readonly #options: Required<SnsPublisherOptions>;

  constructor(options: SnsPublisherOptions) {
    this.#options = { retry: DEFAULT_RETRY_POLICY, ...options };
  }

  /** Resolves with SNS's message id once the topic accepted the message. */
  async publish(message: TopicMessage, options: { signal?: AbortSignal } = {}): Promise<string | undefined> {
    const { client, topicArn, retry } = this.#options;
    const command = new PublishCommand({
      TopicArn: topicArn,
      Subject: message.subject,
      MessageStructure: 'json',
      Message: JSON.stringify(message.byProtocol),
    });
    const response = await withRetries((http) => client.send(command, http), retry, options.signal);
    return response.MessageId;
  }
}

export { SnsPublisher };
export type { TopicMessage, SnsPublisherOptions };
