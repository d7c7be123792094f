import { constants, gunzipSync } from 'node:zlib';
import type { ReadLimits } from './read-limits.ts';
import { overLimit } from './read-limits.ts';

/**
 * The bytes of one object after gunzip: whole; or cut short (a truncated gzip), with the prefix
 * that decompressed and why it stops; or none, with why.
 */
type Inflated =
  | { kind: 'whole'; bytes: Buffer }
  | { kind: 'cut'; bytes: Buffer; reason: string }
  | { kind: 'failed'; reason: string };

const GZIP_MAGIC = [0x1f, 0x8b] as const;
const MIN_CHUNK = 64 * 1024;

/** Whether bytes are gzip, by their magic number, whatever the file or object name says. */
const isGzip = (bytes: Uint8Array): boolean => bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];

/**
 * zlib's output chunk: the gzip trailer's ISIZE (the uncompressed size modulo 2^32, of the last
 * member), so that the text comes out in one buffer instead of being gathered from 64 kB chunks
 * and copied again (a third less CPU on CloudTrail files); never more than the limit, whatever a
 * hostile trailer claims. A wrong ISIZE (several members, over 4 GB) only costs more chunks.
 */
const chunkSize = (raw: Buffer, limit: number): number => {
  const size = raw.length >= 4 ? raw.readUInt32LE(raw.length - 4) : 0;
  return Math.min(Math.max(size + 1, MIN_CHUNK), limit + 1);
};

const code = (error: unknown): string | undefined => (error as { code?: string }).code;

/** A faster gunzip a thread may keep (scan/documents/reused-gunzip.ts): it throws on anything but a whole gzip within `maxBytes`. */
type FastGunzip = (raw: Buffer, maxBytes: number) => Buffer;

const tooLarge = (limits: ReadLimits): Inflated => ({
  kind: 'failed',
  reason: `gzip: decompresses to ${overLimit(limits)}`,
});

/**
 * Gunzips `raw`, stopping once the output passes `maxObjectBytes` (zlib's `maxOutputLength`: the
 * output is never held past the limit, however much the input claims or holds). A stream that ends
 * early (truncated) is decompressed again with a sync flush, which gives what precedes the cut
 * (https://nodejs.org/api/zlib.html#decompressing-a-truncated-input). Corrupt data fails whole.
 * With `fast`, a whole gzip is inflated by it, and only one it refuses is read here, for the
 * verdict (one over the limit is refused at once: it is not inflated twice).
 * This is the one inflate step of every reader: swap it here, nowhere else.
 */
const inflate = (raw: Buffer, limits: ReadLimits, fast?: FastGunzip): Inflated => {
  if (fast) {
    try {
      return { kind: 'whole', bytes: fast(raw, limits.maxObjectBytes) };
    } catch (error) {
      if (error instanceof RangeError) return tooLarge(limits);
    }
  }
  const options = {
    maxOutputLength: limits.maxObjectBytes,
    chunkSize: chunkSize(raw, limits.maxObjectBytes),
  };
  try {
    return { kind: 'whole', bytes: gunzipSync(raw, options) };
  } catch (error) {
    if (code(error) === 'ERR_BUFFER_TOO_LARGE') return tooLarge(limits);
    if (code(error) !== 'Z_BUF_ERROR') return { kind: 'failed', reason: `gzip: ${(error as Error).message}` };
  }
  try {
    const bytes = gunzipSync(raw, { ...options, finishFlush: constants.Z_SYNC_FLUSH });
    return bytes.length === 0
      ? { kind: 'failed', reason: 'gzip: unexpected end of file (truncated before any data)' }
      : {
          kind: 'cut',
          bytes,
          reason: `gzip: unexpected end of file after ${bytes.length} bytes of text (truncated?)`,
        };
  } catch (error) {
    return code(error) === 'ERR_BUFFER_TOO_LARGE'
      ? tooLarge(limits)
      : { kind: 'failed', reason: `gzip: ${(error as Error).message}` };
  }
};

export { inflate, isGzip };
export type { Inflated, FastGunzip };
