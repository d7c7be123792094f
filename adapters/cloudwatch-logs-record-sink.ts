import { CreateLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import type { CloudWatchLogsClient, RejectedLogEventsInfo } from '@aws-sdk/client-cloudwatch-logs';
import type { RecordEntry } from '../schemas/record-entry.ts';
import type { LogEvent } from './log-batches.ts';
import { planLogBatches } from './log-batches.ts';
import type { RecordSink } from './record-sink.ts';
import type { RetryPolicy } from './retry.ts';
import { DEFAULT_RETRY_POLICY, withRetries } from './retry.ts';

class RejectedLogEventsError extends Error {
  override name = 'RejectedLogEventsError';
}

/** The positions PutLogEvents refused, from its `rejectedLogEventsInfo` [CWL-PUT]. */
const rejectedIndexes = (info: RejectedLogEventsInfo | undefined, count: number): number[] => {
  if (!info) return [];
  const rejected = new Set<number>();
  const oldEnd = Math.max(info.tooOldLogEventEndIndex ?? -1, info.expiredLogEventEndIndex ?? -1);
  for (let index = 0; index <= Math.min(oldEnd, count - 1); index += 1) rejected.add(index);
  for (let index = info.tooNewLogEventStartIndex ?? count; index < count; index += 1) rejected.add(index);
  return [...rejected];
};

interface CloudWatchLogsRecordSinkOptions {
  client: CloudWatchLogsClient;
  logGroupName: string;
  logStreamName: string;
  retry?: RetryPolicy;
  now?: () => number;
}

/**
 * Records entries in a CloudWatch Logs log group, one JSON log event per entry, in a stream of its
 * own (one per Lambda container) that it creates on first use. Log events carry the time they are
 * recorded, not the CloudTrail event's time (which is inside the JSON): replays of old events must
 * not be refused as too old, and batches are then chronological by construction.
 */
class CloudWatchLogsRecordSink implements RecordSink {
  readonly #options: Required<CloudWatchLogsRecordSinkOptions>;
  #stream: Promise<void> | undefined;

  constructor(options: CloudWatchLogsRecordSinkOptions) {
    this.#options = { retry: DEFAULT_RETRY_POLICY, now: Date.now, ...options };
  }

  async write(entries: readonly RecordEntry[], options: { signal?: AbortSignal } = {}): Promise<void> {
    const now = this.#options.now();
    const events = entries.map((entry) => ({ timestamp: now, message: JSON.stringify(entry) }));
    for (const batch of planLogBatches(events)) await this.#put(batch, options.signal);
  }

  #ensureStream(signal: AbortSignal | undefined): Promise<void> {
    this.#stream ??= withRetries(
      async (http) => {
        const { client, logGroupName, logStreamName } = this.#options;
        try {
          await client.send(new CreateLogStreamCommand({ logGroupName, logStreamName }), http);
        } catch (error) {
          if ((error as Error).name !== 'ResourceAlreadyExistsException') throw error;
        }
      },
      this.#options.retry,
      signal,
    ).catch((error: unknown) => {
      this.#stream = undefined;
      throw error;
    });
    return this.#stream;
  }

  /** One batch, retried; events the service rejects (clock skew) are sent again with a fresh time. */
  async #put(batch: LogEvent[], signal: AbortSignal | undefined): Promise<void> {
    const { client, logGroupName, logStreamName, retry, now } = this.#options;
    let pending = batch;
    for (let attempt = 0; attempt < retry.attempts && pending.length; attempt += 1) {
      await this.#ensureStream(signal);
      const logEvents = pending;
      const response = await withRetries(
        async (http) => {
          try {
            return await client.send(
              new PutLogEventsCommand({ logGroupName, logStreamName, logEvents }),
              http,
            );
          } catch (error) {
            // The stream was deleted under us: create it again, then let the retry send the batch.
            if ((error as Error).name === 'ResourceNotFoundException') {
              this.#stream = undefined;
              await this.#ensureStream(signal);
              Object.assign(error as object, { $metadata: { httpStatusCode: 503 } });
            }
            throw error;
          }
        },
        retry,
        signal,
      );
      const stamp = now();
      pending = rejectedIndexes(response.rejectedLogEventsInfo, logEvents.length).map((index) => ({
        ...logEvents[index]!,
        timestamp: stamp,
      }));
    }
    if (pending.length) {
      throw new RejectedLogEventsError(
        `CloudWatch Logs rejected ${pending.length} log events after ${retry.attempts} attempts`,
      );
    }
  }
}

export { CloudWatchLogsRecordSink, RejectedLogEventsError, rejectedIndexes };
export type { CloudWatchLogsRecordSinkOptions };
