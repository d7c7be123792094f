import { describe, expect, it } from 'vitest';
import { recordSpans } from '../../scan/record-spans.ts';
import { markerOffsets } from '../../scan/root-marker.ts';
import { scanObject } from '../../scan/scan-object.ts';

/** The spans of the records holding the marker, as the texts of those records. */
const recordsWithMarker = (text: string) => {
  const bytes = Buffer.from(text);
  const result = recordSpans(bytes, markerOffsets(bytes));
  if (result.kind === 'not-a-log-file') return result;
  return {
    ...result,
    spans: result.spans.map(({ index, start, end }) => ({ index, text: bytes.toString('utf8', start, end) })),
  };
};

describe('Scan: root marker', () => {
  it.each([
    { text: '{"type":"Root"}', offsets: [9] },
    { text: '{"eventName":"AssumeRoot"}', offsets: [20] },
    { text: '{"sessionIssuer":{"type": "Root"}}', offsets: [27] },
    { text: '{"arn":"arn:aws:iam::111122223333:root"}', offsets: [] },
    { text: '{"type":"\\u0052oot"}', offsets: [] },
  ])('finds $offsets in $text', ({ text, offsets }) => {
    expect(markerOffsets(Buffer.from(text))).toStrictEqual(offsets);
  });
});

describe('Scan: record spans', () => {
  it.each([
    {
      name: 'the one record holding the marker, by its index',
      text: '{"Records":[{"a":"x"},{"userIdentity":{"type":"Root"}},{"b":"y"}]}',
      spans: [{ index: 1, text: '{"userIdentity":{"type":"Root"}}' }],
    },
    {
      name: 'braces and brackets inside strings',
      text: '{"Records":[{"a":"}]},{"},{"t":"Root"},{"b":["[{"]}]}',
      spans: [{ index: 1, text: '{"t":"Root"}' }],
    },
    {
      name: 'escaped quotes, and an escaped backslash before a closing quote',
      text: '{"Records":[{"a":"say \\"}\\" \\\\"},{"c":"\\\\","t":"Root"}]}',
      spans: [{ index: 1, text: '{"c":"\\\\","t":"Root"}' }],
    },
    {
      name: 'two hits in one record, and hits in two records',
      text: '{"Records":[{"t":"Root","i":{"type":"Root"}},{"x":1},{"eventName":"AssumeRoot"}]}',
      spans: [
        { index: 0, text: '{"t":"Root","i":{"type":"Root"}}' },
        { index: 2, text: '{"eventName":"AssumeRoot"}' },
      ],
    },
    {
      name: 'whitespace, as a pretty-printed log file has it',
      text: '\n {"Records":[ {\n "t": "Root" } ]}',
      spans: [{ index: 0, text: '{\n "t": "Root" }' }],
    },
  ])('returns $name', ({ text, spans }) => {
    expect(recordsWithMarker(text)).toStrictEqual({ kind: 'spans', spans });
  });

  it.each([
    { name: 'JSON Lines', text: '{"t":"Root"}\n{"t":"Root"}' },
    { name: 'an array of records', text: '[{"t":"Root"}]' },
    { name: 'a pretty-printed log file with spaces after the colon', text: '{ "Records" : [{"t":"Root"}]}' },
    { name: 'a marker after the Records array', text: '{"Records":[{"a":1}],"t":"Root"}' },
    // Shorter than `{"Records":[`: the comparison once ran past the end and threw, killing the worker.
    { name: 'a text shorter than a log file opening', text: '"Root"' },
    { name: 'a short text after whitespace', text: ' ["Root"]' },
  ])('leaves $name to the generic reader', ({ text }) => {
    expect(recordsWithMarker(text)).toStrictEqual({ kind: 'not-a-log-file' });
  });

  it.each([
    { name: 'inside a string', text: '{"Records":[{"a":1},{"t":"Root","b":"cut', index: 1, spans: [] },
    {
      name: 'inside a later record',
      text: '{"Records":[{"t":"Root"},{"t":"Root","x":{',
      index: 1,
      spans: [{ index: 0, text: '{"t":"Root"}' }],
    },
  ])('says where a truncated file ends: $name', ({ text, index, spans }) => {
    expect(recordsWithMarker(text)).toStrictEqual({ kind: 'truncated', spans, index });
  });
});

describe('Scan: records nested in records', () => {
  // Record-shaped objects inside a record's parameters (a crafted request, or an API that logs a
  // caller's JSON document) are parameters, not records: reading them as records would let a caller
  // plant root findings, or an AssumeRoot call that relabels a real root session as a sanctioned one.
  // The outer records are complete CloudTrail records: anything less would be reported as no record.
  const nested = (identity: string) =>
    `{"eventVersion":"1.08","userIdentity":{"type":"${identity}"},"eventSource":"sts.amazonaws.com","eventName":"AssumeRoot"}`;
  const rootCall =
    '{"eventVersion":"1.08","userIdentity":{"type":"Root"},"eventName":"ListBuckets","eventID":"e-3"}';

  it.each([
    {
      name: 'a root-looking object in a list of objects of an IAM user call',
      records: [
        `{"eventVersion":"1.08","eventTime":"2025-06-02T09:14:31Z","eventSource":"s3.amazonaws.com","eventName":"PutObject","userIdentity":{"type":"IAMUser"},"requestParameters":{"items":[{},${nested('Root')},{"eventVersion":"1.08"}]},"eventID":"e-1"}`,
      ],
      found: [],
    },
    {
      name: 'an AssumeRoot-looking object before a real root call',
      records: [
        `{"eventVersion":"1.08","eventTime":"2025-06-02T09:14:31Z","eventSource":"s3.amazonaws.com","eventName":"PutObject","userIdentity":{"type":"IAMUser"},"requestParameters":{"items":[{},${nested('AssumedRole')},{"eventVersion":"1.08"}]},"eventID":"e-1"}`,
        '{"eventVersion":"1.08","eventID":"e-2"}',
        rootCall,
      ],
      found: [2],
    },
  ])('reads only the records themselves: $name', ({ records, found }) => {
    // Arrange
    const text = `{"Records":[${records.join(',')}]}`;

    // Act
    const { items } = scanObject(Buffer.from(text), 'crafted.json');

    // Assess
    expect(items).toStrictEqual(
      found.map((index) => ({
        kind: 'value',
        position: { file: 'crafted.json', record: index },
        value: JSON.parse(records[index]!),
      })),
    );
  });
});
