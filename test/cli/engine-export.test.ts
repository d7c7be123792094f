import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRows, engineExportItems, isEngineExport } from '../../cli/input/engine-export.ts';
import { main } from '../../cli/main.ts';
import { EVENTS_DIR } from '../helpers/paths.ts';

const run = async (...argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
};

/** A CSV field as Athena writes it: always quoted, quotes doubled. */
const quoted = (value: string) => `"${value.replaceAll('"', '""')}"`;

/** An Athena results CSV of `rootwatch sql`'s columns, the record column holding `records`. */
const athenaCsv = (records: string[], eol = '\n') =>
  [
    ['event_id', 'event_time', 'credential', 'record'].map(quoted).join(','),
    ...records.map((record, index) =>
      [`e-${index}`, '2026-01-05 10:00:00.000', 'password', record].map(quoted).join(','),
    ),
  ].join(eol) + eol;

const SAMPLES = [
  'sign-in/root-console-login-failed.json',
  'access-key/root-access-key-put-bucket-policy.json',
  'assumed-root/assume-root-task-delete-bucket-policy.log.json',
];

describe('Input: results exported from an engine (rootwatch sql)', () => {
  it.each([
    {
      name: 'quoted fields with commas, doubled quotes and line breaks',
      text: 'a,"b,c","say ""hi""","x\ny"\n1,2,3,4\n',
      rows: [
        { line: 1, fields: ['a', 'b,c', 'say "hi"', 'x\ny'] },
        { line: 3, fields: ['1', '2', '3', '4'] },
      ],
    },
    {
      name: 'CRLF ends and a last row without one',
      text: '"a","b"\r\n"1",""\r\n"2","3"',
      rows: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['1', ''] },
        { line: 3, fields: ['2', '3'] },
      ],
    },
    {
      name: 'blank lines',
      text: 'a\n\nb\n',
      rows: [
        { line: 1, fields: ['a'] },
        { line: 3, fields: ['b'] },
      ],
    },
  ])('splits CSV rows: $name', ({ text, rows }) => {
    expect(csvRows(text)).toStrictEqual(rows);
  });

  it.each([
    { name: 'an Athena CSV with a record column', text: athenaCsv(['{}']), is: true },
    { name: 'JSON Lines whose rows start with record', text: '{"record":"{}"}\n', is: true },
    { name: 'a CSV without a record column', text: '"event_id","credential"\n"e","password"\n', is: false },
    { name: 'a CloudTrail log file', text: '{"Records":[{"record":1}]}', is: false },
    { name: 'a record', text: '{"eventID":"e","record":"x"}', is: false },
    { name: 'an array', text: '[{"record":"{}"}]', is: false },
  ])('tells $name (export: $is)', ({ text, is }) => {
    expect(isEngineExport(text)).toBe(is);
  });

  it('classifies the records of an Athena export as it classifies the events themselves', async () => {
    // Arrange: each sample's records, as the query's record column writes them (absent fields absent)
    const records = SAMPLES.flatMap((file) => {
      const document = JSON.parse(readFileSync(join(EVENTS_DIR, file), 'utf8')) as { Records?: unknown[] };
      return (document.Records ?? [document]).map((record) => JSON.stringify(record));
    });
    const dir = mkdtempSync(join(tmpdir(), 'rootwatch-export-'));
    const csv = join(dir, 'f81d4fae-7dec-11d0-a765-00a0c91e6bf6.csv');
    writeFileSync(csv, athenaCsv(records, '\r\n'));

    // Act
    const fromExport = await run('classify', '--json', csv);
    const fromEvents = await run('classify', '--json', ...SAMPLES.map((file) => join(EVENTS_DIR, file)));

    // Assess
    expect(fromExport.code).toBe(fromEvents.code);
    expect(fromExport.err).toStrictEqual([]);
    expect(fromExport.out.length).toBeGreaterThan(2);
    expect(fromExport.out.map((line) => JSON.parse(line) as unknown)).toStrictEqual(
      fromEvents.out.map((line) => JSON.parse(line) as unknown),
    );
  });

  it('drops the nulls an engine writes for absent fields', () => {
    const record =
      '{"eventID":"e-1","errorCode":null,"userIdentity":{"type":"Root","invokedBy":null},"x":[null]}';
    expect(engineExportItems(athenaCsv([record]), 'r.csv')).toStrictEqual([
      {
        kind: 'value',
        position: { file: 'r.csv', line: 2 },
        value: { eventID: 'e-1', userIdentity: { type: 'Root' }, x: [null] },
      },
    ]);
  });

  it('reports a row without a record or with bad JSON by its line, and reads the others', () => {
    const text = `${athenaCsv(['{"eventID":"e-1"}', '', '{"eventID":'])}`;
    expect(engineExportItems(text, 'r.csv')).toStrictEqual([
      { kind: 'value', position: { file: 'r.csv', line: 2 }, value: { eventID: 'e-1' } },
      { kind: 'unreadable', position: { file: 'r.csv', line: 3 }, reason: 'no record in this row' },
      {
        kind: 'unreadable',
        position: { file: 'r.csv', line: 4 },
        reason: expect.stringMatching(/^record: invalid JSON: /) as unknown as string,
      },
    ]);
  });

  it('reads JSON Lines rows whose record is a string or an object', () => {
    const text =
      '{"record":"{\\"eventID\\":\\"e-1\\"}"}\n{"record":{"eventID":"e-2","a":null}}\n{"record":7}\n';
    expect(engineExportItems(text, 'r.jsonl')).toStrictEqual([
      { kind: 'value', position: { file: 'r.jsonl', line: 1 }, value: { eventID: 'e-1' } },
      { kind: 'value', position: { file: 'r.jsonl', line: 2 }, value: { eventID: 'e-2' } },
      { kind: 'unreadable', position: { file: 'r.jsonl', line: 3 }, reason: 'no record in this row' },
    ]);
  });
});
