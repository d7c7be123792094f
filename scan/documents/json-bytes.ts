import { stringEnd } from '../record-spans.ts';
import { isJsonSpace } from './object-text.ts';

const QUOTE = 0x22;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const NEWLINE = 0x0a;
const BOM = [0xef, 0xbb, 0xbf] as const;

const opensContainer = (byte: number | undefined): boolean => byte === OPEN_OBJECT || byte === OPEN_ARRAY;
const closesContainer = (byte: number | undefined): boolean => byte === CLOSE_OBJECT || byte === CLOSE_ARRAY;

/** Where the line holding `from` ends (its newline), or the length. */
const endOfLine = (bytes: Buffer, from: number): number => {
  const newline = bytes.indexOf(NEWLINE, from);
  return newline === -1 ? bytes.length : newline;
};

/** The last offset before `end`, from `start`, that is not whitespace (`start` when there is none). */
const lastNonSpace = (bytes: Buffer, start: number, end: number): number => {
  let at = end - 1;
  while (at > start && isJsonSpace(bytes[at])) at -= 1;
  return at;
};

/**
 * Where the object or array that opens at `start` ends (the offset after its closing bracket), by
 * the same JSON-aware scan as the record spans (strings skipped with their escapes, nesting
 * counted, no recursion); -1 when the text ends first. Brackets are not matched by kind: the
 * parse that follows reports a mismatch.
 */
const valueEnd = (bytes: Buffer, start: number, end = bytes.length): number => {
  let depth = 0;
  for (let at = start; at < end; at += 1) {
    const byte = bytes[at];
    if (byte === QUOTE) {
      at = stringEnd(bytes, at);
      if (at === -1 || at >= end) return -1;
    } else if (opensContainer(byte)) depth += 1;
    else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      depth -= 1;
      if (depth === 0) return at + 1;
    }
  }
  return -1;
};

/** The next offset after `from` that is not whitespace or a UTF-8 BOM (one starts each concatenated file). */
const skipSpace = (bytes: Buffer, from: number): number => {
  let at = from;
  for (;;) {
    if (isJsonSpace(bytes[at])) at += 1;
    else if (bytes[at] === BOM[0] && bytes[at + 1] === BOM[1] && bytes[at + 2] === BOM[2]) at += 3;
    else return at;
  }
};

/**
 * The start of the next line after the one holding `from`, before `limit`, that begins with `{`
 * or `[` in its first column: where a reader resynchronises after a broken document. A JSON Lines
 * record starts each line there; a pretty-printed document's inner lines are indented.
 */
const nextDocumentLine = (bytes: Buffer, from: number, limit: number): number => {
  for (let newline = bytes.indexOf(NEWLINE, from); newline !== -1 && newline + 1 < limit;) {
    if (opensContainer(bytes[newline + 1])) return newline + 1;
    newline = bytes.indexOf(NEWLINE, newline + 1);
  }
  return -1;
};

/** Counts lines as offsets grow: the 1-based line of each offset asked, in ascending order. */
const lineCounter = (bytes: Buffer) => {
  let line = 1;
  let counted = 0;
  return (offset: number): number => {
    for (
      let at = bytes.indexOf(NEWLINE, counted);
      at !== -1 && at < offset;
      at = bytes.indexOf(NEWLINE, at + 1)
    )
      line += 1;
    counted = Math.max(counted, offset);
    return line;
  };
};

export {
  valueEnd,
  skipSpace,
  nextDocumentLine,
  lineCounter,
  opensContainer,
  closesContainer,
  endOfLine,
  lastNonSpace,
};
