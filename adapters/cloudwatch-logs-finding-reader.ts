import { FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { RecordedIds } from '../scan/completeness/missed-events.ts';
import { RecordedFindingSchema } from '../schemas/recorded-finding.ts';
import type { RetryPolicy } from './retry.ts';
import { DEFAULT_RETRY_POLICY, withRetries } from './retry.ts';

/**
 * Only the records of findings, matched by the service before they cross the network: a JSON
 * filter pattern on the record's `kind`.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html
 */
const FINDING_RECORDS_PATTERN = '{ $.kind = "finding" }';

interface RecordedFindings extends RecordedIds {
  /** Finding records read. */
  records: number;
  /** Requests made (pages, empty ones included). */
  requests: number;
}

interface FindingReaderOptions {
  client: CloudWatchLogsClient;
  logGroupName: string;
  retry?: RetryPolicy;
}

/**
 * Reads which events the live path recorded, from the record log group, with FilterLogEvents:
 * every page until no `nextToken` (a page may be partial or empty while more follow), each request
 * retried on throttling (the API allows a few requests a second per account and Region, shared with
 * people searching the console). Logs Insights would bill per GB scanned and cap a query at 10,000
 * rows; this pages through any number of findings, one request at a time.
 * @see https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_FilterLogEvents.html
 */
class CloudWatchLogsFindingReader {
  readonly #options: Required<FindingReaderOptions>;

  constructor(options: FindingReaderOptions) {
    this.#options = { retry: DEFAULT_RETRY_POLICY, ...options };
  }

  /** The event ids (and shared event ids) of the finding records logged from `from` to `to` (ms). */
  /** `signal`: the caller's time budget; once it fires no page is read. */
  async recorded(
    span: { from: number; to: number },
    options: { signal?: AbortSignal } = {},
  ): Promise<RecordedFindings> {
    const { client, logGroupName, retry } = this.#options;
    const eventIds = new Set<string>();
    const sharedEventIds = new Set<string>();
    let records = 0;
    let requests = 0;
    let nextToken: string | undefined;
    do {
      const token = nextToken;
      const page = await withRetries(
        (http) =>
          client.send(
            new FilterLogEventsCommand({
              logGroupName,
              startTime: Math.max(0, span.from),
              endTime: span.to,
              filterPattern: FINDING_RECORDS_PATTERN,
              ...(token !== undefined && { nextToken: token }),
            }),
            http,
          ),
        retry,
        options.signal,
      );
      requests += 1;
      for (const event of page.events ?? []) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(event.message ?? '');
        } catch {
          continue;
        }
        const record = RecordedFindingSchema.safeParse(parsed);
        if (!record.success) continue;
        records += 1;
        eventIds.add(record.data.finding.eventId);
        if (record.data.finding.sharedEventId) sharedEventIds.add(record.data.finding.sharedEventId);
      }
      nextToken = page.nextToken;
    } while (nextToken);
    return { eventIds, sharedEventIds, records, requests };
  }
}

export { CloudWatchLogsFindingReader, FINDING_RECORDS_PATTERN };
export type { RecordedFindings, FindingReaderOptions };
