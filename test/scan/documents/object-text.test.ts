import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { objectText } from '../../../scan/documents/object-text.ts';
import { readLimitsOf } from '../../../scan/documents/read-limits.ts';

const LIMITS = readLimitsOf(1);

const outcome = (raw: Buffer) => {
  const read = objectText(raw, LIMITS);
  return read.kind === 'failed'
    ? { failed: read.reason }
    : { text: read.text.toString('utf8'), cut: read.cut };
};

describe('Documents: the bytes of an object as text', () => {
  it.each([
    { scenario: 'plain JSON', raw: Buffer.from('{"a":1}'), expected: { text: '{"a":1}', cut: undefined } },
    {
      scenario: 'gzip, whatever its name',
      raw: gzipSync('{"a":1}'),
      expected: { text: '{"a":1}', cut: undefined },
    },
    {
      scenario: 'a UTF-8 BOM, dropped',
      raw: Buffer.from('\uFEFF{"a":1}'),
      expected: { text: '{"a":1}', cut: undefined },
    },
    {
      scenario: 'a BOM inside gzip',
      raw: gzipSync('\uFEFF{"a":1}'),
      expected: { text: '{"a":1}', cut: undefined },
    },
    { scenario: 'an empty file', raw: Buffer.alloc(0), expected: { failed: 'empty file: nothing to read' } },
    {
      scenario: 'only whitespace',
      raw: Buffer.from(' \n\t'),
      expected: { failed: 'only whitespace: nothing to read' },
    },
    {
      scenario: 'gzip of nothing',
      raw: gzipSync(''),
      expected: { failed: 'only whitespace after gunzip: nothing to read' },
    },
    {
      scenario: 'over the limit as stored',
      raw: Buffer.alloc(2 ** 20 + 1, 0x20),
      expected: { failed: '1048577 bytes, over the 1 MiB limit per object (--max-object-mb)' },
    },
    {
      scenario: 'a truncated gzip: its prefix, and why it ends',
      raw: gzipSync('{"a":1}').subarray(0, gzipSync('{"a":1}').length - 8),
      expected: { text: '{"a":1}', cut: 'gzip: unexpected end of file after 7 bytes of text (truncated?)' },
    },
  ])('$scenario', ({ raw, expected }) => {
    expect(outcome(raw)).toStrictEqual(expected);
  });
});
