import { randomUUID } from 'node:crypto';
import { ServiceError } from './service-error.ts';

interface PublishedMessage {
  messageId: string;
  topicArn: string;
  subject?: string;
  /** With `MessageStructure: json`, the text per protocol; else `{ default: message }`. */
  byProtocol: Record<string, string>;
}

const invalid = (what: string) => new ServiceError('InvalidParameter', `Invalid parameter: ${what}`);

/**
 * SNS Publish with the documented checks: a known topic; a subject of printable ASCII, one line,
 * fewer than 100 characters, starting with a letter, digit or punctuation; a message of at most
 * 256 KB; with `MessageStructure: json`, a JSON object of strings that has `default`.
 * @see https://docs.aws.amazon.com/sns/latest/api/API_Publish.html
 */
class SnsService {
  readonly topics = new Set<string>();
  readonly published: PublishedMessage[] = [];

  handle(action: string, params: URLSearchParams): unknown {
    if (action !== 'Publish')
      throw new ServiceError('InvalidAction', `SNS action ${action} is not implemented here`);
    const topicArn = params.get('TopicArn') ?? '';
    if (!this.topics.has(topicArn)) throw new ServiceError('NotFound', 'Topic does not exist', 404);
    const subject = params.get('Subject') ?? undefined;
    if (subject !== undefined && !/^[\x21-\x7e][\x20-\x7e]{0,98}$/.test(subject)) throw invalid('Subject');
    const message = params.get('Message') ?? '';
    if (!message || Buffer.byteLength(message) > 262_144) throw invalid('Message too long or empty');
    let byProtocol: Record<string, string> = { default: message };
    if (params.get('MessageStructure') === 'json') {
      try {
        byProtocol = JSON.parse(message) as Record<string, string>;
      } catch {
        throw invalid('Message Structure - JSON message body failed to parse');
      }
      if (typeof byProtocol.default !== 'string')
        throw invalid('Message Structure - No default entry in JSON message body');
      if (Object.values(byProtocol).some((text) => typeof text !== 'string'))
        throw invalid('Message Structure');
    }
    const messageId = randomUUID();
    this.published.push({ messageId, topicArn, ...(subject !== undefined && { subject }), byProtocol });
    return { MessageId: messageId };
  }
}

export { SnsService };
export type { PublishedMessage };
