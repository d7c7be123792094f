/** A CloudWatch Logs input event. */
interface LogEvent {
  timestamp: number;
  message: string;
}

/**
 * PutLogEvents limits [CWL-PUT]: at most 10,000 events and 1,048,576 bytes per batch, where each
 * event counts its UTF-8 message bytes plus 26; chronological order; a batch may not span more
 * than 24 hours; one event at most 1 MB (less its 26 bytes of overhead).
 */
const LOG_LIMITS = {
  maxEvents: 10_000,
  maxBatchBytes: 1_048_576,
  eventOverheadBytes: 26,
  maxEventBytes: 1_048_576 - 26,
  maxSpanMs: 24 * 60 * 60 * 1000,
} as const;

const encoder = new TextEncoder();
const byteLength = (text: string): number => encoder.encode(text).length;

/** The events in chronological order, split into batches that PutLogEvents accepts. */
const planLogBatches = (events: readonly LogEvent[]): LogEvent[][] => {
  const sorted = [...events].sort((a, b) => a.timestamp - b.timestamp);
  const batches: LogEvent[][] = [];
  let batch: LogEvent[] = [];
  let bytes = 0;
  for (const event of sorted) {
    const size = byteLength(event.message) + LOG_LIMITS.eventOverheadBytes;
    if (size > LOG_LIMITS.maxBatchBytes)
      throw new RangeError(`log event of ${size} bytes exceeds the PutLogEvents limit`);
    const first = batch[0];
    const full =
      batch.length === LOG_LIMITS.maxEvents ||
      bytes + size > LOG_LIMITS.maxBatchBytes ||
      (first !== undefined && event.timestamp - first.timestamp > LOG_LIMITS.maxSpanMs);
    if (full) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(event);
    bytes += size;
  }
  if (batch.length) batches.push(batch);
  return batches;
};

export { planLogBatches, byteLength, LOG_LIMITS };
export type { LogEvent };
