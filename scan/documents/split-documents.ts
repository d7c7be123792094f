import { constants, isAscii } from 'node:buffer';
import type { InputItem, InputPosition } from './input-item.ts';
import {
  closesContainer,
  endOfLine,
  lastNonSpace,
  lineCounter,
  nextDocumentLine,
  opensContainer,
  skipSpace,
  valueEnd,
} from './json-bytes.ts';
import { everyRecordSpan } from './log-file-records.ts';
import { cutInRecord, cutNotice } from './object-text.ts';

/**
 * One JSON document becomes the items it holds: the records of a CloudTrail log file
 * (`{"Records": [...]}`), the elements of a JSON array, or the document itself (a record or an
 * EventBridge envelope). A log file whose `Records` is not an array is reported, not guessed at.
 */
const itemsOfDocument = (document: unknown, position: InputPosition): InputItem[] => {
  const records =
    typeof document === 'object' && document !== null && !Array.isArray(document) && 'Records' in document
      ? (document as { Records: unknown }).Records
      : Array.isArray(document)
        ? document
        : undefined;
  if (records === undefined) return [{ kind: 'value', position, value: document }];
  if (!Array.isArray(records)) {
    return [{ kind: 'unreadable', position, reason: 'Records: expected an array of CloudTrail records' }];
  }
  return records.map((value, record) => ({ kind: 'value', position: { ...position, record }, value }));
};

type Parsed = { ok: true; value: unknown } | { ok: false; reason: string };

/**
 * A parser's message on one line, with no terminal controls: V8 quotes the text it choked on,
 * which may hold newlines or escape sequences of a hostile file.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const oneLine = (message: string): string =>
  message.replace(CONTROL, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** The text of `[start, end)` of the bytes. */
type Slicer = (start: number, end: number) => string;

/**
 * Slices of the bytes as text: of one string decoded once when the bytes are ASCII (CloudTrail's
 * JSON nearly always is: byte offsets are then character offsets) and fit in one string, else
 * decoded slice by slice (a slice too long for a string then fails its parse, as reported).
 */
const slicer = (bytes: Buffer): Slicer => {
  if (bytes.length > constants.MAX_STRING_LENGTH || !isAscii(bytes))
    return (start, end) => bytes.toString('utf8', start, end);
  const text = bytes.toString('latin1');
  return (start, end) => text.slice(start, end);
};

/** JSON.parse of `[start, end)` (iterative in V8: any nesting depth); a text too long for one string fails too. */
const parseJson = (text: Slicer, start: number, end: number): Parsed => {
  try {
    return { ok: true, value: JSON.parse(text(start, end)) };
  } catch (error) {
    return { ok: false, reason: `invalid JSON: ${oneLine((error as Error).message)}` };
  }
};

/** Why `[start, end)` is no JSON document. */
const parseFailure = (text: Slicer, start: number, end: number): string => {
  const parsed = parseJson(text, start, end);
  return parsed.ok ? 'invalid JSON: more text follows the document' : parsed.reason;
};

/**
 * `not JSON records: it starts with "hello worl…"`: what a reader says of text that opens no object
 * or array (records, envelopes, log files and exports all do; a bare string or number is no record).
 */
const notJson = (bytes: Buffer, start: number): string => {
  const line = bytes.toString('utf8', start, Math.min(start + 200, bytes.length)).split('\n')[0]!;
  const shown = JSON.stringify(line.slice(0, 24));
  return `not JSON records: it starts with ${shown}${line.length > 24 ? '…' : ''}`;
};

/** The records of a truncated log file before the cut, and the cut; or the document reported whole. */
const truncatedDocument = (
  bytes: Buffer,
  text: Slicer,
  start: number,
  position: InputPosition,
  cut: string | undefined,
): InputItem[] => {
  const log = everyRecordSpan(bytes, start, bytes.length);
  if (!log)
    return [
      {
        kind: 'unreadable',
        position,
        reason: cut ? cutNotice(cut) : parseFailure(text, start, bytes.length),
      },
    ];
  const items: InputItem[] = [];
  for (const { index, start: from, end } of log.spans) {
    const parsed = parseJson(text, from, end);
    const at = { ...position, record: index };
    items.push(
      parsed.ok
        ? { kind: 'value', position: at, value: parsed.value }
        : { kind: 'unreadable', position: at, reason: parsed.reason },
    );
  }
  if (log.endsInside === undefined)
    items.push({
      kind: 'unreadable',
      position,
      reason: cut
        ? cutNotice(cut)
        : 'invalid JSON: the file ends before its Records array closes (truncated?)',
    });
  else
    items.push({
      kind: 'unreadable',
      position: { ...position, record: log.endsInside },
      reason: cut ? cutInRecord(cut) : 'invalid JSON: the file ends inside this record (truncated?)',
    });
  return items;
};

/**
 * The items in a file's text (bytes, without a BOM): one JSON document (record, envelope, log file,
 * array), or several one after another: JSON Lines (CloudTrail Lake and Athena exports) and
 * concatenated documents (`cat a.json b.json`), found by a JSON-aware scan of the bytes. A broken
 * document is reported once, and reading resumes at the next line that starts with `{` or `[`;
 * text that opens no object or array is reported as no records. A truncated log file still gives
 * its whole records. `cut` is why the bytes end early (a truncated gzip), when they do. Positions
 * name the line a document starts on when the file holds more than one.
 */
const splitDocuments = (bytes: Buffer, file: string, cut?: string): InputItem[] => {
  const first = skipSpace(bytes, 0);
  const text = slicer(bytes);
  const whole = opensContainer(bytes[first]) ? parseJson(text, first, bytes.length) : undefined;
  if (whole?.ok)
    return [
      ...itemsOfDocument(whole.value, { file }),
      ...(cut ? [{ kind: 'unreadable', position: { file }, reason: cutNotice(cut) } as const] : []),
    ];
  // What each document gave, by the line it starts on: positions are known once they are counted.
  const documents: Array<
    { line: number; value: unknown } | { line: number; reason: string } | { line: number; truncated: number }
  > = [];
  const lineOf = lineCounter(bytes);
  // Bytes that scans past the next line opening a document may still cover: a file of unclosed
  // `{` lines would otherwise have each scanned to its end, in time quadratic in its size.
  let budget = bytes.length;
  for (let at = first; at < bytes.length; at = skipSpace(bytes, at)) {
    const start = at;
    const line = lineOf(start);
    // A line that opens and closes a document is most likely one whole (JSON Lines): parsed first.
    const lineEnd = endOfLine(bytes, start);
    if (opensContainer(bytes[start]) && closesContainer(bytes[lastNonSpace(bytes, start, lineEnd)])) {
      const parsed = parseJson(text, start, lineEnd);
      if (parsed.ok) {
        documents.push({ line, value: parsed.value });
        at = lineEnd;
        continue;
      }
    }
    let end = -2;
    if (opensContainer(bytes[start])) {
      // A document ends before the next line that opens one in its first column, unless it is laid
      // out oddly (a line of it starting with `[`): then it is looked for further, within the budget.
      const next = nextDocumentLine(bytes, start, bytes.length);
      end = valueEnd(bytes, start, next === -1 ? bytes.length : next);
      if (end === -1 && next !== -1 && budget > 0) {
        end = valueEnd(bytes, start);
        budget -= (end === -1 ? bytes.length : end) - start;
      }
    }
    const parsed = end >= 0 ? parseJson(text, start, end) : undefined;
    if (parsed?.ok) {
      documents.push({ line, value: parsed.value });
      at = end;
      continue;
    }
    const resume = nextDocumentLine(bytes, start, end >= 0 ? end : bytes.length);
    if (resume !== -1) {
      documents.push({
        line,
        reason: end === -2 ? notJson(bytes, start) : parseFailure(text, start, resume),
      });
      at = resume;
    } else if (end === -1) {
      documents.push({ line, truncated: start });
      at = bytes.length;
    } else {
      documents.push({ line, reason: parsed && !parsed.ok ? parsed.reason : notJson(bytes, start) });
      at = end === -2 ? bytes.length : end;
    }
  }
  const single = documents.length === 1;
  const items: InputItem[] = [];
  for (const document of documents) {
    const position = single ? { file } : { file, line: document.line };
    if ('value' in document) items.push(...itemsOfDocument(document.value, position));
    else if ('reason' in document) items.push({ kind: 'unreadable', position, reason: document.reason });
    else items.push(...truncatedDocument(bytes, text, document.truncated, position, cut));
  }
  if (cut && !documents.some((document) => 'truncated' in document))
    items.push({ kind: 'unreadable', position: { file }, reason: cutNotice(cut) });
  return items;
};

export { splitDocuments, itemsOfDocument, notJson };
