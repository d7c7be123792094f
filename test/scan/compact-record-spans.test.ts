import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compactRecordSpans } from '../../scan/compact-record-spans.ts';
import { recordSpans } from '../../scan/record-spans.ts';
import { markerOffsets } from '../../scan/root-marker.ts';
import { scanObject } from '../../scan/scan-object.ts';
import { SHARED_DIR } from '../helpers/paths.ts';

const INVICTUS_DAY = join(
  SHARED_DIR,
  'cloudtrail-real/invictus/AWSLogs/218007301253/CloudTrail/us-east-1/2023/07/10',
);

/** The spans of the records holding the marker, as the texts of those records. */
const compactRecords = (text: string) => {
  const bytes = Buffer.from(text);
  return compactRecordSpans(bytes, markerOffsets(bytes))?.map(({ index, start, end }) => ({
    index,
    text: bytes.toString('utf8', start, end),
  }));
};

/** Byte offsets of every occurrence of `needle`: hits in every record, to compare whole files. */
const offsetsOf = (bytes: Buffer, needle: string): number[] => {
  const offsets: number[] = [];
  for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1)) offsets.push(at);
  return offsets;
};

const ROOT = '"userIdentity":{"type":"Root"}';

describe('Scan: compact record spans (the quick way through files written as CloudTrail writes them)', () => {
  it.each([
    {
      name: 'the one record holding the marker, by its index',
      text: `{"Records":[{"eventVersion":"1.08","a":"x"},{"eventVersion":"1.08",${ROOT}},{"eventVersion":"1.08"}]}`,
      spans: [{ index: 1, text: `{"eventVersion":"1.08",${ROOT}}` }],
    },
    {
      name: 'the last record, before the closing brackets and a newline',
      text: `{"Records":[{"eventVersion":"1.08"},{"eventVersion":"1.08",${ROOT}}]}\n`,
      spans: [{ index: 1, text: `{"eventVersion":"1.08",${ROOT}}` }],
    },
    {
      name: 'braces, brackets and record starts inside strings',
      text: `{"Records":[{"eventVersion":"1.08","a":"}]},{\\"eventVersion\\":"},{"eventVersion":"1.08",${ROOT}}]}`,
      spans: [{ index: 1, text: `{"eventVersion":"1.08",${ROOT}}` }],
    },
    {
      name: 'hits in two records, two in one of them',
      text: `{"Records":[{"eventVersion":"1.08",${ROOT},"i":{"type":"Root"}},{"eventVersion":"1.08","eventName":"AssumeRoot"}]}`,
      spans: [
        { index: 0, text: `{"eventVersion":"1.08",${ROOT},"i":{"type":"Root"}}` },
        { index: 1, text: '{"eventVersion":"1.08","eventName":"AssumeRoot"}' },
      ],
    },
  ])('returns $name', ({ text, spans }) => {
    expect(compactRecords(text)).toStrictEqual(spans);
  });

  it.each([
    { name: 'a pretty-printed file', text: `{"Records":[\n  {\n    "eventVersion": "1.08", ${ROOT}}]}` },
    {
      name: 'a first record with another key first',
      text: `{"Records":[{"errorCode":"x","eventVersion":"1.08",${ROOT}}]}`,
    },
    {
      name: 'a file truncated inside the record holding the marker',
      text: `{"Records":[{"eventVersion":"1.08"},{"eventVersion":"1.08",${ROOT},"x":"cu`,
    },
    { name: 'a marker after the Records array', text: `{"Records":[{"eventVersion":"1.08"}],${ROOT}}` },
    { name: 'JSON Lines', text: `{"eventVersion":"1.08",${ROOT}}\n{"eventVersion":"1.08",${ROOT}}` },
  ])('leaves $name to the exact reader', ({ text }) => {
    expect(compactRecords(text)).toBeUndefined();
  });

  it('finds the same record of every record as the exact reader, in every real log file of ../shared', () => {
    // Arrange
    const files = readdirSync(INVICTUS_DAY).map((name) => gunzipSync(readFileSync(join(INVICTUS_DAY, name))));

    // Act
    const compared = files.map((bytes) => {
      const everyRecord = offsetsOf(bytes, '"eventTime":');
      const exact = recordSpans(bytes, everyRecord);
      return {
        compact: compactRecordSpans(bytes, everyRecord),
        exact: exact.kind === 'spans' ? exact.spans : exact.kind,
        records: everyRecord.length,
      };
    });

    // Assess
    expect(compared.length).toBe(55);
    expect(compared.reduce((sum, { records }) => sum + records, 0)).toBeGreaterThan(1_000);
    for (const { compact, exact } of compared) expect(compact).toStrictEqual(exact);
  });

  it('cannot be led astray by objects that start with eventVersion inside a root record: the scan reads it exactly', () => {
    // Arrange: a root record whose parameters hold record-shaped objects in a list of objects.
    const nested = '{"eventVersion":"1.08","userIdentity":{"type":"IAMUser"}}';
    const rootRecord = `{"eventVersion":"1.08",${ROOT},"eventName":"PutThing","requestParameters":{"items":[{"a":1},${nested},${nested}]},"eventID":"e-2"}`;
    const text = `{"Records":[{"eventVersion":"1.08","eventID":"e-1"},${rootRecord},{"eventVersion":"1.08","eventID":"e-3"}]}`;
    const bytes = Buffer.from(text);

    // Act
    const scanned = scanObject(bytes, 'crafted.json');

    // Assess: the quick spans cut the root record at the nested objects, so the exact reader decided.
    expect(compactRecordSpans(bytes, markerOffsets(bytes))?.[0]?.end).toBeLessThan(
      text.indexOf(',"eventID":"e-2"'),
    );
    expect(scanned.items).toStrictEqual([
      { kind: 'value', position: { file: 'crafted.json', record: 1 }, value: JSON.parse(rootRecord) },
    ]);
  });
});
