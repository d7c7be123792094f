/** `[start, end)` byte offsets of one element of a log file's `Records` array, and its index. */
interface RecordSpan {
  index: number;
  start: number;
  end: number;
}

type SpansResult =
  | { kind: 'spans'; spans: RecordSpan[] }
  /** Not a `{"Records": [...]}` document, or a marker outside the array: parse the file whole. */
  | { kind: 'not-a-log-file' }
  /** The text ends inside record `index`: the records before it are still in `spans`. */
  | { kind: 'truncated'; spans: RecordSpan[]; index: number };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const LOG_FILE_START = Buffer.from('{"Records":[', 'latin1');

/** Where `{"Records":[` ends, after optional leading whitespace (CloudTrail writes it compact). */
const recordsArrayStart = (bytes: Buffer): number => {
  let at = 0;
  while (
    at < bytes.length &&
    (bytes[at] === 0x20 || bytes[at] === 0x0a || bytes[at] === 0x0d || bytes[at] === 0x09)
  )
    at += 1;
  // Bounded first: `compare` throws on a range past the end (a text shorter than the opening).
  return at + LOG_FILE_START.length <= bytes.length &&
    bytes.compare(LOG_FILE_START, 0, LOG_FILE_START.length, at, at + LOG_FILE_START.length) === 0
    ? at + LOG_FILE_START.length
    : -1;
};

/** The closing quote of the string whose opening quote is at `open`, or -1 if the text ends first. */
const stringEnd = (bytes: Buffer, open: number): number => {
  let close = bytes.indexOf(QUOTE, open + 1);
  while (close !== -1) {
    let backslashes = 0;
    while (bytes[close - 1 - backslashes] === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return close;
    close = bytes.indexOf(QUOTE, close + 1);
  }
  return -1;
};

/**
 * The records of a CloudTrail log file (`{"Records":[{…},{…}]}`) that contain one of the byte
 * offsets `hits` (ascending), found by a small JSON-aware scan from the start of the file: it
 * tracks strings (with their escapes) and nesting, so braces inside strings never cut a record.
 * Strings are skipped with a native search for the next quote, so the cost follows the number of
 * tokens, not of bytes; the scan stops at the end of the record holding the last hit.
 * Everything else (JSON Lines, arrays, envelopes) is `not-a-log-file`, for the generic reader.
 */
const recordSpans = (bytes: Buffer, hits: readonly number[]): SpansResult => {
  const arrayStart = recordsArrayStart(bytes);
  if (arrayStart === -1 || hits.length === 0 || hits[0]! < arrayStart) return { kind: 'not-a-log-file' };
  const lastHit = hits[hits.length - 1]!;
  const spans: RecordSpan[] = [];
  let depth = 0; // nesting inside the Records array: 0 between records
  let recordStart = 0;
  let index = 0;
  let nextHit = 0;
  for (let at = arrayStart; at < bytes.length; at += 1) {
    const byte = bytes[at];
    if (byte === QUOTE) {
      at = stringEnd(bytes, at);
      if (at === -1) return { kind: 'truncated', spans, index };
      continue;
    }
    if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      if (depth === 0) recordStart = at;
      depth += 1;
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      if (depth === 0) return { kind: 'not-a-log-file' }; // the array closed with a hit still ahead
      depth -= 1;
      if (depth > 0) continue;
      const end = at + 1;
      if (hits[nextHit]! < end) {
        spans.push({ index, start: recordStart, end });
        while (nextHit < hits.length && hits[nextHit]! < end) nextHit += 1;
      }
      index += 1;
      if (end > lastHit) return { kind: 'spans', spans };
    }
  }
  return { kind: 'truncated', spans, index };
};

/** How the records holding the hits are found: this exact JS scan, or the structural one (scan/spans/). */
type SpanFinder = (bytes: Buffer, hits: readonly number[]) => SpansResult;

export { recordSpans, recordsArrayStart, stringEnd };
export type { RecordSpan, SpansResult, SpanFinder };
