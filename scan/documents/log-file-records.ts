import type { RecordSpan } from '../record-spans.ts';
import { stringEnd } from '../record-spans.ts';
import { skipSpace } from './json-bytes.ts';

const RECORDS_KEY = Buffer.from('"Records"', 'latin1');

/** Where the `Records` array's first element may start in `{ "Records" : [`, spaces allowed; -1 if it is not a log file. */
const arrayStart = (bytes: Buffer, start: number): number => {
  let at = skipSpace(bytes, start);
  if (bytes[at] !== 0x7b) return -1;
  at = skipSpace(bytes, at + 1);
  if (
    at + RECORDS_KEY.length > bytes.length ||
    bytes.compare(RECORDS_KEY, 0, RECORDS_KEY.length, at, at + RECORDS_KEY.length) !== 0
  )
    return -1;
  at = skipSpace(bytes, at + RECORDS_KEY.length);
  if (bytes[at] !== 0x3a) return -1;
  at = skipSpace(bytes, at + 1);
  return bytes[at] === 0x5b ? at + 1 : -1;
};

/**
 * Every whole record of a log file (`{"Records":[…]}`, compact or pretty-printed) that the text
 * holds between `start` and `end`, and the index of the record it ends inside (undefined when it
 * ends between records): what a truncated log file still gives. Undefined when the text is not a
 * log file. The same scan as `recordSpans`, for every record rather than those around marker hits.
 */
const everyRecordSpan = (
  bytes: Buffer,
  start: number,
  end: number,
): { spans: RecordSpan[]; endsInside: number | undefined } | undefined => {
  const first = arrayStart(bytes, start);
  if (first === -1 || first > end) return undefined;
  const spans: RecordSpan[] = [];
  let depth = 0;
  let recordStart = 0;
  for (let at = first; at < end; at += 1) {
    const byte = bytes[at];
    if (byte === 0x22) {
      at = stringEnd(bytes, at);
      if (at === -1 || at >= end) return { spans, endsInside: depth > 0 ? spans.length : undefined };
    } else if (byte === 0x7b || byte === 0x5b) {
      if (depth === 0) recordStart = at;
      depth += 1;
    } else if (byte === 0x7d || byte === 0x5d) {
      if (depth === 0) break; // the array closed: nothing is cut inside a record
      depth -= 1;
      if (depth === 0) spans.push({ index: spans.length, start: recordStart, end: at + 1 });
    }
  }
  return { spans, endsInside: depth > 0 ? spans.length : undefined };
};

export { everyRecordSpan };
