import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { EventBridgeClient, PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { shrinkToFit } from './shrink-to-fit.ts';
import { ALERT_DETAIL_TYPES, ALERT_SOURCE } from '../schemas/alert-event.ts';
import type { Alert, AlertSink } from './alert-sink.ts';
import type { RetryPolicy } from './retry.ts';
import { backoffDelay, DEFAULT_RETRY_POLICY, sleep, withRetries } from './retry.ts';

/**
 * PutEvents takes 1 to 10 entries; the request must stay under 256 KB in regions that have not
 * raised it to 1 MB [EB-PUT], [EB-1MB]. An entry's size: 14 bytes for Time, plus the UTF-8 bytes
 * of Source, DetailType and Detail.
 */
const MAX_ENTRIES = 10;
const MAX_REQUEST_BYTES = 256 * 1024;
/** Per-entry error codes worth another attempt; anything else (permissions, a bad entry) is final. */
const MISSING_RESULT = 'MissingResult';
const RETRYABLE_ENTRY_ERRORS = new Set([
  'ThrottlingException',
  'InternalFailure',
  'InternalException',
  'ServiceUnavailable',
  MISSING_RESULT, // an answer shorter than the request: sending again is safe, consumers deduplicate
]);

const encoder = new TextEncoder();
const entrySize = (entry: PutEventsRequestEntry): number =>
  14 +
  [entry.Source, entry.DetailType, entry.Detail].reduce(
    (sum, text) => sum + encoder.encode(text ?? '').length,
    0,
  );

/** Details that are findings, which may say what they shortened (`truncated`). */
const FINDING_DETAIL_TYPES: ReadonlySet<string> = new Set([
  ALERT_DETAIL_TYPES.finding,
  ALERT_DETAIL_TYPES.heartbeat,
]);

/**
 * The entry of one alert, within the request limit on its own: a finding too large for it (a
 * 400 KB user agent or error message) has its free-text fields shortened, and says which, rather
 * than being refused by PutEvents or dropped.
 */
const entryOf = (alert: Alert, eventBusName: string): PutEventsRequestEntry => {
  const entry = (detail: Alert['detail']): PutEventsRequestEntry => ({
    Source: ALERT_SOURCE,
    DetailType: alert.detailType,
    Detail: JSON.stringify(detail),
    EventBusName: eventBusName,
  });
  const whole = entry(alert.detail);
  if (entrySize(whole) <= MAX_REQUEST_BYTES || !FINDING_DETAIL_TYPES.has(alert.detailType)) return whole;
  return entry(shrinkToFit(alert.detail, (detail) => entrySize(entry(detail)) <= MAX_REQUEST_BYTES).detail);
};

const batchesOf = (entries: PutEventsRequestEntry[]): PutEventsRequestEntry[][] => {
  const batches: PutEventsRequestEntry[][] = [];
  let batch: PutEventsRequestEntry[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const size = entrySize(entry);
    if (batch.length === MAX_ENTRIES || (batch.length && bytes + size > MAX_REQUEST_BYTES)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(entry);
    bytes += size;
  }
  if (batch.length) batches.push(batch);
  return batches;
};

class AlertDeliveryError extends Error {
  override name = 'AlertDeliveryError';
}

interface EventBridgeAlertSinkOptions {
  client: EventBridgeClient;
  /** Name or ARN of the alert bus. */
  eventBusName: string;
  retry?: RetryPolicy;
}

/**
 * Puts alerts on the alert bus. PutEvents reports per-entry failures in `FailedEntryCount` and
 * `Entries[].ErrorCode` while the other entries succeed, so only the failed entries are sent again.
 * Neither PutEvents nor PutLogEvents takes an idempotency token: a request the service stored but
 * whose answer was lost is sent again, and consumers deduplicate on the finding's `eventId`.
 */
class EventBridgeAlertSink implements AlertSink {
  readonly #options: Required<EventBridgeAlertSinkOptions>;

  constructor(options: EventBridgeAlertSinkOptions) {
    this.#options = { retry: DEFAULT_RETRY_POLICY, ...options };
  }

  async send(alerts: readonly Alert[], options: { signal?: AbortSignal } = {}): Promise<void> {
    const entries = alerts.map((alert) => entryOf(alert, this.#options.eventBusName));
    for (const batch of batchesOf(entries)) await this.#put(batch, options.signal);
  }

  async #put(batch: PutEventsRequestEntry[], signal: AbortSignal | undefined): Promise<void> {
    const { client, retry } = this.#options;
    let pending = batch;
    for (let attempt = 0; ; attempt += 1) {
      const Entries = pending;
      const response = await withRetries(
        (http) => client.send(new PutEventsCommand({ Entries }), http),
        retry,
        signal,
      );
      if (!response.FailedEntryCount) return;
      const results = response.Entries ?? [];
      const failed = Entries.flatMap((entry, index) => {
        const result = results[index];
        return result?.EventId && !result.ErrorCode
          ? []
          : [{ entry, code: result?.ErrorCode ?? MISSING_RESULT }];
      });
      const final = failed.find((result) => !RETRYABLE_ENTRY_ERRORS.has(result.code));
      if (final || attempt + 1 >= retry.attempts) {
        const codes = [...new Set(failed.map((result) => result.code))].join(', ');
        throw new AlertDeliveryError(
          `PutEvents failed for ${failed.length} of ${batch.length} alerts (${codes})`,
        );
      }
      pending = failed.map((result) => result.entry);
      await (retry.sleep ?? sleep)(backoffDelay(attempt, retry), signal);
    }
  }
}

export { EventBridgeAlertSink, AlertDeliveryError, entrySize, batchesOf, entryOf, MAX_REQUEST_BYTES };
export type { EventBridgeAlertSinkOptions };
