import { notCloudTrailInput } from '../detection/record-basis.ts';
import { field, isEnvelope, rootRelation } from '../detection/root-relation.ts';
import { gunzip, isGzip } from './documents/gzip.ts';
import type { InputItem } from './documents/input-item.ts';
import { splitDocuments } from './documents/split-documents.ts';
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
  gunzip?: (raw: Buffer) => Buffer;
  markers?: (text: Buffer) => number[];
  spans?: SpanFinder;
}

/** What one object of an archive holds for the detector, and what reading it cost. */
interface ObjectScan {
  /** Bytes as stored (gzip or not). */
  stored: number;
  /** Bytes after gunzip. */
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

/** Records around the marker hits of a CloudTrail log file, parsed one by one. */
const logFileItems = (
  text: Buffer,
  file: string,
  hits: number[],
  spans: SpanFinder,
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
    items.push(unreadable(file, 'invalid JSON: the file ends inside this record (truncated?)', result.index));
  }
  return { items, parsed: result.spans.length };
};

/**
 * The root-related content of one archive object (pure: bytes in, items out). Gzip is detected by
 * its magic number. Objects without the root marker are not parsed at all, unless they hold no
 * CloudTrail record either (record-signature.ts); CloudTrail log files with it are parsed record by
 * record around the hits; other shapes (JSON Lines exports, arrays, envelopes) are read whole by the
 * generic reader. Values that are not CloudTrail go to the detector, which reports them. A corrupt or truncated gzip, or invalid JSON,
 * becomes an `unreadable` item naming the object (and the record), never an exception.
 */
const scanObject = (raw: Buffer, file: string, tools: ObjectScanTools = {}): ObjectScan => {
  const { gunzip: inflate = gunzip, markers = markerOffsets, spans = recordSpans } = tools;
  let text: Buffer;
  try {
    text = isGzip(raw) ? inflate(raw) : raw;
  } catch (error) {
    return {
      stored: raw.length,
      bytes: 0,
      marked: false,
      records: false,
      parsed: 0,
      items: [unreadable(file, `gzip: ${(error as Error).message}`)],
    };
  }
  // Literals, not spreads: this is every object's path, and a spread costs as much as the marker search.
  const stored = raw.length;
  const bytes = text.length;
  const records = holdsRecords(text);
  const hits = markers(text);
  if (hits.length === 0) {
    if (records) return { stored, bytes, marked: false, records, parsed: 0, items: [] };
    const { parsed, items } = notRecordItems(text, file);
    return { stored, bytes, marked: false, records, parsed, items };
  }
  const logFile = logFileItems(text, file, hits, spans);
  if (logFile) return { stored, bytes, marked: true, records, parsed: logFile.parsed, items: logFile.items };
  const all = splitDocuments(text.toString('utf8'), file);
  const items = all.filter((item) => item.kind === 'unreadable' || forDetector(item.value));
  return { stored, bytes, marked: true, records, parsed: all.length, items };
};

export { scanObject };
export type { ObjectScan, ObjectScanTools };
