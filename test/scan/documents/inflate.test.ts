import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inflate } from '../../../scan/documents/inflate.ts';
import { readLimitsOf } from '../../../scan/documents/read-limits.ts';

const MIB = 2 ** 20;
const LIMITS = readLimitsOf(1);
const text = '{"Records":[{"a":1},{"b":2}]}';

/** A gzip whose trailer says it holds `claimed` bytes, whatever it holds. */
const lyingTrailer = (gzip: Buffer, claimed: number) => {
  const copy = Buffer.from(gzip);
  copy.writeUInt32LE(claimed, copy.length - 4);
  return copy;
};

const outcome = (raw: Buffer) => {
  const inflated = inflate(raw, LIMITS);
  return inflated.kind === 'failed'
    ? { kind: inflated.kind, reason: inflated.reason }
    : {
        kind: inflated.kind,
        bytes: inflated.bytes.length,
        ...(inflated.kind === 'cut' && { reason: inflated.reason }),
      };
};

describe('Documents: inflating an object within the size limit', () => {
  it.each([
    { scenario: 'a gzip', raw: gzipSync(text), expected: { kind: 'whole', bytes: text.length } },
    {
      scenario: 'two gzip members, one after the other',
      raw: Buffer.concat([gzipSync(text), gzipSync(text)]),
      expected: { kind: 'whole', bytes: 2 * text.length },
    },
    {
      scenario: 'exactly the limit',
      raw: gzipSync(Buffer.alloc(MIB, 0x20)),
      expected: { kind: 'whole', bytes: MIB },
    },
    {
      scenario: 'a gzip bomb: stopped at the limit',
      raw: gzipSync(Buffer.alloc(64 * MIB, 0x20)),
      expected: {
        kind: 'failed',
        reason: 'gzip: decompresses to over the 1 MiB limit per object (--max-object-mb)',
      },
    },
    {
      scenario: 'a gzip bomb whose trailer claims a small size',
      raw: lyingTrailer(gzipSync(Buffer.alloc(64 * MIB, 0x20)), 10),
      expected: {
        kind: 'failed',
        reason: 'gzip: decompresses to over the 1 MiB limit per object (--max-object-mb)',
      },
    },
    {
      scenario: 'a truncated gzip: its prefix',
      raw: gzipSync(text).subarray(0, gzipSync(text).length - 8),
      expected: {
        kind: 'cut',
        bytes: text.length,
        reason: `gzip: unexpected end of file after ${text.length} bytes of text (truncated?)`,
      },
    },
    {
      scenario: 'a gzip cut before any data',
      raw: gzipSync(text).subarray(0, 10),
      expected: { kind: 'failed', reason: 'gzip: unexpected end of file (truncated before any data)' },
    },
    {
      scenario: 'corrupt deflate data',
      raw: Buffer.concat([gzipSync(text).subarray(0, 2), Buffer.from('not deflate at all')]),
      expected: { kind: 'failed', reason: 'gzip: unknown compression method' },
    },
  ])('$scenario', ({ raw, expected }) => {
    expect(outcome(raw)).toStrictEqual(expected);
  });
});
