import { describe, expect, it } from 'vitest';
import type { InputItem } from '../../../scan/documents/input-item.ts';
import { splitDocuments } from '../../../scan/documents/split-documents.ts';

/** Items as `[line, record, value]` for values and `[line, record, reason]` for problems, in order. */
const read = (text: string, cut?: string) =>
  splitDocuments(Buffer.from(text), 'f', cut).map((item: InputItem) => [
    item.position.line ?? null,
    item.position.record ?? null,
    item.kind === 'value' ? item.value : item.reason,
  ]);

/**
 * The reason for a document that `JSON.parse` refuses, in this runtime's words (V8's messages vary
 * by version: Node 22 adds the line and column), on one line (control characters as `\uXXXX`).
 */
const invalidJson = (document: string): string => {
  try {
    JSON.parse(document);
  } catch (error) {
    const message = (error as Error).message.replace(
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u001f\u007f-\u009f]/g,
      (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    return `invalid JSON: ${message}`;
  }
  throw new Error(`valid JSON: ${document}`);
};

describe('Documents: splitting a file into its documents', () => {
  it.each([
    { scenario: 'one record', text: '{"a":1}', items: [[null, null, { a: 1 }]] },
    {
      scenario: 'a log file, by record',
      text: '{"Records":[{"a":1},{"b":2}]}',
      items: [
        [null, 0, { a: 1 }],
        [null, 1, { b: 2 }],
      ],
    },
    {
      scenario: 'JSON Lines with a bad line: reported, the others read',
      text: '{"a":1}\n{not json\n{"b":2}\n',
      items: [
        [1, null, { a: 1 }],
        [2, null, invalidJson('{not json')],
        [3, null, { b: 2 }],
      ],
    },
    {
      scenario: 'pretty-printed documents one after another (cat a.json b.json)',
      text: '{\n  "a": 1\n}\n{\n  "Records": [\n    {"b": 2}\n  ]\n}\n',
      items: [
        [1, null, { a: 1 }],
        [4, 0, { b: 2 }],
      ],
    },
    {
      scenario: 'a broken pretty-printed document: reported once, the next one read',
      text: '{\n  "a": oops\n}\n{\n  "b": 2\n}\n',
      items: [
        [1, null, invalidJson('{\n  "a": oops\n}')],
        [4, null, { b: 2 }],
      ],
    },
    {
      scenario: 'a BOM before each concatenated file',
      text: '\uFEFF{"a":1}\n\uFEFF{"b":2}',
      items: [
        [1, null, { a: 1 }],
        [2, null, { b: 2 }],
      ],
    },
    {
      scenario: 'text that is no JSON records',
      text: 'hello world, this is not JSON',
      items: [[null, null, 'not JSON records: it starts with "hello world, this is not"…']],
    },
    {
      scenario: 'a bare JSON string',
      text: '"Root"',
      items: [[null, null, 'not JSON records: it starts with "\\"Root\\""']],
    },
    {
      scenario: 'a line of garbage between records',
      text: '{"a":1}\nsome garbage\n{"b":2}\n',
      items: [
        [1, null, { a: 1 }],
        [2, null, 'not JSON records: it starts with "some garbage"'],
        [3, null, { b: 2 }],
      ],
    },
    {
      scenario: 'a line whose string never closes: the next lines still read',
      text: '{"a":"x}\n{"b":"y"}\n{"c":1}\n',
      items: [
        [1, null, invalidJson('{"a":"x}\n')],
        [2, null, { b: 'y' }],
        [3, null, { c: 1 }],
      ],
    },
    {
      scenario: 'a truncated log file: its whole records, then the cut',
      text: '{"Records":[{"a":1},{"b":2},{"c":',
      items: [
        [null, 0, { a: 1 }],
        [null, 1, { b: 2 }],
        [null, 2, 'invalid JSON: the file ends inside this record (truncated?)'],
      ],
    },
    {
      scenario: 'a truncated pretty-printed log file',
      text: '{\n  "Records": [\n    {"a": 1},\n    {"b":\n',
      items: [
        [null, 0, { a: 1 }],
        [null, 1, 'invalid JSON: the file ends inside this record (truncated?)'],
      ],
    },
    {
      scenario: 'a log file cut between records',
      text: '{"Records": [{"a":1},',
      items: [
        [null, 0, { a: 1 }],
        [null, null, 'invalid JSON: the file ends before its Records array closes (truncated?)'],
      ],
    },
    {
      scenario: 'JSON Lines whose last line is cut',
      text: '{"a":1}\n{"b":',
      items: [
        [1, null, { a: 1 }],
        [2, null, invalidJson('{"b":')],
      ],
    },
    {
      scenario: 'a record nested 100,000 levels deep (JSON.parse does not recurse)',
      text: `[${'['.repeat(100_000)}${']'.repeat(100_000)}]`,
      items: [[null, 0, expect.any(Array)]],
    },
  ])('$scenario', ({ text, items }) => {
    expect(read(text)).toStrictEqual(items);
  });

  it('reads a file of 100,000 unclosed lines in one pass, reporting each', () => {
    // Each line once made the scan run to the end of the file: quadratic, an hour for a few MB.
    const items = splitDocuments(Buffer.from('{\n'.repeat(100_000)), 'f');

    expect({
      items: items.length,
      unreadable: items.filter((item) => item.kind === 'unreadable').length,
    }).toStrictEqual({
      items: 100_000,
      unreadable: 100_000,
    });
  });

  it('reads a document with a line that opens an array in its first column', () => {
    expect(read('{"a":\n[1,2]}\n{"b":3}')).toStrictEqual([
      [1, null, { a: [1, 2] }],
      [3, null, { b: 3 }],
    ]);
  });

  it.each([
    {
      scenario: 'the cut falls inside a record',
      text: '{"Records":[{"a":1},{"b":',
      items: [
        [null, 0, { a: 1 }],
        [null, 1, 'gzip: cut, inside this record; the records before it were read'],
      ],
    },
    {
      scenario: 'the text is whole (only the gzip trailer was cut)',
      text: '{"Records":[{"a":1}]}',
      items: [
        [null, 0, { a: 1 }],
        [null, null, 'gzip: cut; the records before the cut were read'],
      ],
    },
    {
      scenario: 'JSON Lines cut in a line',
      text: '{"a":1}\n{"b":',
      items: [
        [1, null, { a: 1 }],
        [2, null, 'gzip: cut; the records before the cut were read'],
      ],
    },
  ])('says once where a truncated gzip ends: $scenario', ({ text, items }) => {
    expect(read(text, 'gzip: cut')).toStrictEqual(items);
  });
});
