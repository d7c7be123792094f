import type { RecordSpan } from './record-spans.ts';
import { recordsArrayStart } from './record-spans.ts';

/**
 * How CloudTrail writes every record: compact, `eventVersion` first, one after another
 * (`{"Records":[{"eventVersion":…},{"eventVersion":…}]}`). In valid JSON these bytes always open an
 * object: the quote after the brace cannot be inside a string (it would be escaped) nor close one
 * (`eventVersion` would then stand outside any string).
 */
const RECORD_START = Buffer.from('{"eventVersion":', 'latin1');

const isSpace = (byte: number | undefined) =>
  byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

/** Where the text before `at` ends, its whitespace skipped, if that is `byte`; else -1. */
const endingWith = (bytes: Buffer, at: number, byte: number): number => {
  let last = at - 1;
  while (isSpace(bytes[last])) last -= 1;
  return bytes[last] === byte ? last : -1;
};

/** The end of a record that `,` and the next record's start follow; -1 when something else does. */
const endBefore = (bytes: Buffer, next: number): number => {
  const comma = endingWith(bytes, next, 0x2c);
  const close = comma === -1 ? -1 : endingWith(bytes, comma, 0x7d);
  return close === -1 ? -1 : close + 1;
};

/** The end of the last record, before `]}` and trailing whitespace; -1 when the text ends otherwise. */
const endOfLast = (bytes: Buffer): number => {
  const outer = endingWith(bytes, bytes.length, 0x7d);
  const array = outer === -1 ? -1 : endingWith(bytes, outer, 0x5d);
  const close = array === -1 ? -1 : endingWith(bytes, array, 0x7d);
  return close === -1 ? -1 : close + 1;
};

/**
 * The records holding the hits of a log file written as CloudTrail writes them, found from record
 * start to record start (a native search per record) instead of token by token from the file's
 * start, several times faster than `recordSpans`. Undefined when the file is not written that way
 * (pretty-printed, other key order, truncated): `recordSpans` then reads it exactly.
 *
 * A span is right unless an object starting with `eventVersion` sits inside a record. Then the
 * span holding that record's first hit (in `userIdentity` or `eventName`, which come before any
 * nested object) ends inside it or goes past it, and fails to parse: the caller parses every span
 * and goes back to `recordSpans` when one fails. What a crafted record can still do is have two
 * such objects side by side parsed as records of their own (a false hit, dropped unless it looks
 * like a root record); it cannot hide a real root record.
 */
const compactRecordSpans = (bytes: Buffer, hits: readonly number[]): RecordSpan[] | undefined => {
  const arrayStart = recordsArrayStart(bytes);
  if (arrayStart === -1 || hits.length === 0 || hits[0]! < arrayStart) return undefined;
  if (bytes.indexOf(RECORD_START, arrayStart) !== arrayStart) return undefined;
  const spans: RecordSpan[] = [];
  let start = arrayStart;
  let nextHit = 0;
  for (let index = 0; nextHit < hits.length; index += 1) {
    const next = bytes.indexOf(RECORD_START, start + 1);
    const end = next === -1 ? endOfLast(bytes) : endBefore(bytes, next);
    if (end === -1) return undefined;
    if (hits[nextHit]! < end) {
      spans.push({ index, start, end });
      while (nextHit < hits.length && hits[nextHit]! < end) nextHit += 1;
    }
    if (next === -1) break;
    // A hit between a record's end and the next start is outside every record: not this layout.
    if (nextHit < hits.length && hits[nextHit]! < next) return undefined;
    start = next;
  }
  return nextHit === hits.length ? spans : undefined;
};

export { compactRecordSpans };
