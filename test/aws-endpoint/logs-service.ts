import { filterPatternMatcher } from './filter-pattern.ts';
import { invalid, notFound, ServiceError } from './service-error.ts';

interface StoredLogEvent {
  timestamp: number;
  message: string;
  ingestionTime: number;
}

/** FilterLogEvents returns at most 1 MB or 10,000 events a page (API reference, FilterLogEvents). */
const FILTER_PAGE_BYTES = 1_048_576;
const FILTER_PAGE_EVENTS = 10_000;

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
 * FilterLogEvents pages as the service does (see `filterLogEvents`).
 */
class LogsService {
  readonly groups = new Map<string, LogGroup>();
  now: () => number = Date.now;
  /**
   * How many stored events one FilterLogEvents request examines before it answers with a
   * `nextToken`: the service's pages "might only be partially full, or even empty" while more
   * follow (API reference, FilterLogEvents), and clients must page until no token comes back.
   */
  filterScanEvents = 10_000;

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
      case 'FilterLogEvents':
        return this.filterLogEvents(input);
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

  /**
   * FilterLogEvents: `logGroupName` or `logGroupIdentifier` (one of them), optional
   * `startTime`/`endTime` (ms, inclusive), `filterPattern` (at most 1,024 characters), `limit`
   * (1 to 10,000), `logStreamNames` or `logStreamNamePrefix` (not both), `nextToken`. Events come
   * sorted by timestamp, then ingestion time; a page holds at most `limit` events, 10,000 or 1 MB,
   * and each request examines at most `filterScanEvents` stored events, so pages can be partial or
   * empty while a `nextToken` says more may follow.
   * @see https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_FilterLogEvents.html
   */
  filterLogEvents(input: Input): unknown {
    if ((input.logGroupName === undefined) === (input.logGroupIdentifier === undefined)) {
      throw invalid('Exactly one of logGroupName and logGroupIdentifier must be given');
    }
    const name = String(input.logGroupName ?? input.logGroupIdentifier).replace(/^arn:.*:log-group:/, '');
    const group = this.groups.get(name);
    if (!group) throw notFound('The specified log group does not exist.');
    for (const key of ['startTime', 'endTime'] as const) {
      const value = input[key];
      if (value !== undefined && (typeof value !== 'number' || !Number.isInteger(value) || value < 0))
        throw invalid(`${key} must be a non-negative whole number of milliseconds`);
    }
    const pattern = input.filterPattern ?? '';
    if (typeof pattern !== 'string' || pattern.length > 1024)
      throw invalid('filterPattern must be a string of at most 1024 characters');
    const limit = input.limit ?? FILTER_PAGE_EVENTS;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > FILTER_PAGE_EVENTS)
      throw invalid('limit must be from 1 to 10000');
    if (input.logStreamNames !== undefined && input.logStreamNamePrefix !== undefined)
      throw invalid('logStreamNames and logStreamNamePrefix cannot both be given');
    const token = input.nextToken;
    if (token !== undefined && (typeof token !== 'string' || !/^filter\/\d+$/.test(token)))
      throw new ServiceError('InvalidParameterException', 'The specified nextToken is invalid.');
    const matches = filterPatternMatcher(pattern);
    const start = (input.startTime as number | undefined) ?? 0;
    const end = (input.endTime as number | undefined) ?? Number.MAX_SAFE_INTEGER;
    const streams = input.logStreamNames as string[] | undefined;
    const prefix = input.logStreamNamePrefix as string | undefined;
    const candidates = [...group.streams.entries()]
      .filter(
        ([stream]) =>
          (streams === undefined || streams.includes(stream)) &&
          (prefix === undefined || stream.startsWith(prefix)),
      )
      .flatMap(([logStreamName, events]) => events.map((event) => ({ logStreamName, ...event })))
      .filter((event) => event.timestamp >= start && event.timestamp <= end)
      .sort((a, b) => a.timestamp - b.timestamp || a.ingestionTime - b.ingestionTime);
    let offset = token === undefined ? 0 : Number(token.slice('filter/'.length));
    const scanEnd = Math.min(candidates.length, offset + this.filterScanEvents);
    const events: Record<string, unknown>[] = [];
    let bytes = 0;
    for (; offset < scanEnd && events.length < limit; offset += 1) {
      const event = candidates[offset]!;
      if (!matches(event.message)) continue;
      const size = encoder.encode(event.message).length + 26;
      if (events.length > 0 && bytes + size > FILTER_PAGE_BYTES) break;
      bytes += size;
      events.push({ ...event, eventId: `${event.timestamp}-${offset}` });
    }
    return { events, ...(offset < candidates.length ? { nextToken: `filter/${offset}` } : {}) };
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
