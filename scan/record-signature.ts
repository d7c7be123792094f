import { RECORD_BASIS_FIELDS } from '../schemas/cloudtrail-record-basis.ts';
import type { InputItem } from './documents/input-item.ts';
import { splitDocuments } from './documents/split-documents.ts';

/**
 * The bytes every CloudTrail record contains: its `"eventVersion"` key, a field of every record
 * (schemas/cloudtrail-record-basis.ts). An object without them holds no CloudTrail record: a digest
 * (pruned by path anyway), another service's logs, an empty `{"Records":[]}` (CloudTrail's log files
 * hold "one or more records" [CT-LOGFILE]), a wrong prefix. Exact in that direction, with the root
 * marker's one limit (a re-serialiser that escapes letters in keys; root-marker.ts). For a real
 * log file the search ends within the first record, so it costs nothing.
 * [CT-LOGFILE] https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html
 */
const RECORD_SIGNATURE = Buffer.from('"eventVersion"', 'latin1');

const holdsRecords = (bytes: Buffer): boolean => bytes.includes(RECORD_SIGNATURE);

/** At most this many items of an object that holds no record: enough to show what it is. */
const MAX_ITEMS = 10;

/**
 * What an object without a single CloudTrail record says for itself: its values, which the detector
 * reports as "not a CloudTrail record" (the judgement of every command), and the lines that are not
 * JSON; the first few only, then one line for the rest. An object that holds nothing at all is
 * reported as such.
 */
const notRecordItems = (text: Buffer, file: string, cut?: string): { parsed: number; items: InputItem[] } => {
  const all = splitDocuments(text, file, cut);
  const parsed = all.filter((item) => item.kind === 'value').length;
  if (all.length === 0) {
    return {
      parsed,
      items: [
        {
          kind: 'unreadable',
          position: { file },
          reason: 'holds no CloudTrail record (it is empty of records)',
        },
      ],
    };
  }
  if (all.length <= MAX_ITEMS) return { parsed, items: all };
  const reason =
    `and ${all.length - MAX_ITEMS} more values or lines, none a CloudTrail record ` +
    `(no ${RECORD_BASIS_FIELDS[0]} anywhere in the object)`;
  return { parsed, items: [...all.slice(0, MAX_ITEMS), { kind: 'unreadable', position: { file }, reason }] };
};

export { RECORD_SIGNATURE, holdsRecords, notRecordItems };
