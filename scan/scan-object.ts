import { notCloudTrailInput } from '../detection/record-basis.ts';
import { field, isEnvelope, rootRelation } from '../detection/root-relation.ts';
import type { InputItem } from './documents/input-item.ts';
import { opensContainer } from './documents/json-bytes.ts';
import { cutInRecord, cutNotice, firstNonSpace, objectText } from './documents/object-text.ts';
import { DEFAULT_READ_LIMITS } from './documents/read-limits.ts';
import type { ReadLimits } from './documents/read-limits.ts';
import { notJson, splitDocuments } from './documents/split-documents.ts';
import type { SpanFinder } from './record-spans.ts';
import { recordSpans } from './record-spans.ts';
import { markerOffsets } from './root-marker.ts';
import { holdsRecords, notRecordItems } from './record-signature.ts';

/**
 * What a thread scans objects with, kept from object to object: the gunzip (by default a buffer
 * per object; a scan worker's keeps one, scan/documents/reused-gunzip.ts) and the record-span
 * search and span finder (by default the JS ones; where it runs, the structural scanner,
 * scan/spans/structural-scanner.ts).
 * A gunzip may answer a view of a kept buffer: nothing of the text outlives the object's scan.
 */
interface ObjectScanTools {
  /** Gunzips within `maxBytes` of output (throwing past it, or on a bad gzip: the verdict is then `inflate`'s). */
  gunzip?: (raw: Buffer, maxBytes: number) => Buffer;
  markers?: (text: Buffer) => number[];
  spans?: SpanFinder;
}

/** What one object of an archive holds for the detector, and what reading it cost. */
interface ObjectScan {
  /** Bytes as stored (gzip or not). */
  stored: number;
  /** Bytes after gunzip (of the prefix, when the gzip was cut). */
  bytes: number;
  /** Whether the object contained the root marker (and was therefore parsed, in part). */
  marked: boolean;
  /**
   * Whether it holds CloudTrail records, as far as a byte search tells (record-signature.ts); absent
   * when the object could not be read at all.
   */
  records?: boolean;
  /** Records parsed (only around marker hits in CloudTrail log files). */
  parsed: number;
  /** Root-related records and envelopes (root, root-minted, AssumeRoot calls), and read problems. */
  items: InputItem[];
}

/** What the detector must see: root-related values, and values that are not CloudTrail at all (it says so). */
const forDetector = (value: unknown): boolean =>
  rootRelation(isEnvelope(value) ? field(value, 'detail') : value) !== undefined ||
  notCloudTrailInput(value) !== undefined;

const unreadable = (file: string, reason: string, record?: number): InputItem => ({
  kind: 'unreadable',
  position: record === undefined ? { file } : { file, record },
  reason,
});

/** Records around the marker hits of a CloudTrail log file, parsed one by one; `cut`: why the text ends early. */
const logFileItems = (
  text: Buffer,
  file: string,
  hits: number[],
  spans: SpanFinder,
  cut: string | undefined,
): { items: InputItem[]; parsed: number } | undefined => {
  const result = spans(text, hits);
  if (result.kind === 'not-a-log-file') return undefined;
  const items: InputItem[] = [];
  for (const { index, start, end } of result.spans) {
    try {
      const value: unknown = JSON.parse(text.toString('utf8', start, end));
      if (forDetector(value)) items.push({ kind: 'value', position: { file, record: index }, value });
    } catch (error) {
      items.push(unreadable(file, `invalid JSON: ${(error as Error).message}`, index));
    }
  }
  if (result.kind === 'truncated') {
    const reason = cut ? cutInRecord(cut) : 'invalid JSON: the file ends inside this record (truncated?)';
    items.push(unreadable(file, reason, result.index));
  } else if (cut) items.push(unreadable(file, cutNotice(cut)));
  return { items, parsed: result.spans.length };
};

/**
 * The root-related content of one archive object (bytes in, items out), read by the one reader of
 * every command (`objectText`: gzip by magic number, the size limit, the BOM). Objects without the
 * root marker are not parsed at all, only checked to open as JSON, unless they hold no CloudTrail
 * record either (record-signature.ts): those are read whole, and what is not CloudTrail in them goes
 * to the detector, which reports it. CloudTrail log files with the marker are parsed record by record
 * around the hits; other shapes (JSON Lines exports, arrays, envelopes, concatenated documents) are
 * read whole by the generic reader. A refused, corrupt or truncated object, or invalid JSON, becomes
 * an `unreadable` item naming the object (and the record), never an exception; a truncated one still
 * gives the records before the cut.
 */
const scanObject = (
  raw: Buffer,
  file: string,
  tools: ObjectScanTools = {},
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): ObjectScan => {
  const { markers = markerOffsets, spans = recordSpans } = tools;
  const read = objectText(raw, limits, tools.gunzip);
  if (read.kind === 'failed')
    return {
      stored: raw.length,
      bytes: 0,
      marked: false,
      records: false,
      parsed: 0,
      items: [unreadable(file, read.reason)],
    };
  const { text, cut } = read;
  // Literals, not spreads: this is every object's path, and a spread costs as much as the marker search.
  const stored = raw.length;
  const bytes = text.length;
  const records = holdsRecords(text);
  const hits = markers(text);
  if (hits.length === 0) {
    const start = firstNonSpace(text);
    if (!opensContainer(text[start]))
      return {
        stored,
        bytes,
        marked: false,
        records,
        parsed: 0,
        items: [unreadable(file, notJson(text, start))],
      };
    if (records)
      return {
        stored,
        bytes,
        marked: false,
        records,
        parsed: 0,
        items: cut ? [unreadable(file, cutNotice(cut))] : [],
      };
    const { parsed, items } = notRecordItems(text, file, cut);
    return { stored, bytes, marked: false, records, parsed, items };
  }
  const logFile = logFileItems(text, file, hits, spans, cut);
  if (logFile) return { stored, bytes, marked: true, records, parsed: logFile.parsed, items: logFile.items };
  const all = splitDocuments(text, file, cut);
  const items = all.filter((item) => item.kind === 'unreadable' || forDetector(item.value));
  return { stored, bytes, marked: true, records, parsed: all.length, items };
};

export { scanObject };
export type { ObjectScan, ObjectScanTools };
