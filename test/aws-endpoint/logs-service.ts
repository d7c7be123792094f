import { invalid, notFound, ServiceError } from './service-error.ts';

interface StoredLogEvent {
  timestamp: number;
  message: string;
  ingestionTime: number;
}

interface LogGroup {
  retentionInDays?: number;
  streams: Map<string, StoredLogEvent[]>;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const GROUP_NAME = /^[.\-_/#A-Za-z0-9]{1,512}$/;
const encoder = new TextEncoder();

type Input = Record<string, unknown>;

const text = (input: Input, key: string): string => {
  const value = input[key];
  if (typeof value !== 'string' || !value) throw invalid(`${key} is required`);
  return value;
};

/**
 * CloudWatch Logs, as far as rootwatch uses it, with the documented validation and limits [CWL-PUT],
 * [CWL-CLS]: PutLogEvents checks the batch (count, bytes with 26 bytes per event, chronological
 * order, 24-hour span) and rejects individual events that are too new, too old or expired through
 * `rejectedLogEventsInfo` while storing the rest, as the current API reference describes.
 */
class LogsService {
  readonly groups = new Map<string, LogGroup>();
  now: () => number = Date.now;

  handle(operation: string, input: Input): unknown {
    switch (operation) {
      case 'CreateLogGroup':
        return this.createLogGroup(input);
      case 'CreateLogStream':
        return this.createLogStream(input);
      case 'PutLogEvents':
        return this.putLogEvents(input);
      case 'GetLogEvents':
        return this.getLogEvents(input);
      default:
        throw new ServiceError(
          'UnknownOperationException',
          `Logs_20140328.${operation} is not implemented here`,
        );
    }
  }

  createLogGroup(input: Input): Record<string, never> {
    const name = text(input, 'logGroupName');
    if (!GROUP_NAME.test(name)) throw invalid(`invalid log group name: ${name}`);
    if (this.groups.has(name))
      throw new ServiceError('ResourceAlreadyExistsException', 'The specified log group already exists');
    this.groups.set(name, { streams: new Map() });
    return {};
  }

  createLogStream(input: Input): Record<string, never> {
    const group = this.#group(input);
    const name = text(input, 'logStreamName');
    if (name.length > 512 || /[:*]/.test(name)) throw invalid(`invalid log stream name: ${name}`);
    if (group.streams.has(name))
      throw new ServiceError('ResourceAlreadyExistsException', 'The specified log stream already exists');
    group.streams.set(name, []);
    return {};
  }

  putLogEvents(input: Input): unknown {
    const group = this.#group(input);
    const stream = group.streams.get(text(input, 'logStreamName'));
    if (!stream) throw notFound('The specified log stream does not exist.');
    const events = input.logEvents;
    if (!Array.isArray(events) || events.length === 0) throw invalid('logEvents must hold at least 1 event');
    if (events.length > 10_000) throw invalid('logEvents must hold at most 10000 events');
    let bytes = 0;
    events.forEach((event: Input, index) => {
      if (typeof event.timestamp !== 'number' || typeof event.message !== 'string' || !event.message) {
        throw invalid(`logEvents[${index}] needs a numeric timestamp and a non-empty message`);
      }
      bytes += encoder.encode(event.message).length + 26;
      const previous = events[index - 1] as Input | undefined;
      if (previous && (previous.timestamp as number) > event.timestamp) {
        throw invalid('Log events in a single PutLogEvents request must be in chronological order.');
      }
    });
    if (bytes > 1_048_576) throw invalid(`The batch of ${bytes} bytes exceeds 1048576 bytes`);
    const first = events[0].timestamp as number;
    const last = events[events.length - 1].timestamp as number;
    if (last - first > DAY) throw invalid('A batch of log events cannot span more than 24 hours.');

    const now = this.now();
    const retention = group.retentionInDays ? now - group.retentionInDays * DAY : -Infinity;
    const rejected: {
      tooNewLogEventStartIndex?: number;
      tooOldLogEventEndIndex?: number;
      expiredLogEventEndIndex?: number;
    } = {};
    events.forEach((event: Input, index) => {
      const timestamp = event.timestamp as number;
      if (timestamp > now + 2 * HOUR) rejected.tooNewLogEventStartIndex ??= index;
      else if (timestamp < now - 14 * DAY) rejected.tooOldLogEventEndIndex = index;
      else if (timestamp < retention) rejected.expiredLogEventEndIndex = index;
      else stream.push({ timestamp, message: event.message as string, ingestionTime: now });
    });
    return {
      nextSequenceToken: String(stream.length).padStart(56, '0'),
      ...(Object.keys(rejected).length ? { rejectedLogEventsInfo: rejected } : {}),
    };
  }

  getLogEvents(input: Input): unknown {
    const group = this.#group(input);
    const stream = group.streams.get(text(input, 'logStreamName'));
    if (!stream) throw notFound('The specified log stream does not exist.');
    return { events: stream, nextForwardToken: 'f/end', nextBackwardToken: 'b/start' };
  }

  /** Every stored message of a group, across streams, in the order stored. */
  messages(groupName: string): string[] {
    return [...(this.groups.get(groupName)?.streams.values() ?? [])].flat().map((event) => event.message);
  }

  #group(input: Input): LogGroup {
    const group = this.groups.get(text(input, 'logGroupName'));
    if (!group) throw notFound('The specified log group does not exist.');
    return group;
  }
}

export { LogsService };
export type { StoredLogEvent };
