import { constants as buffer } from 'node:buffer';
import { constants, createGunzip, gunzipSync } from 'node:zlib';
import type { Gunzip } from 'node:zlib';

/** The handle a zlib stream drives (Node's own gunzipSync calls it the same way), and its counters. */
interface GunzipInternals {
  /** Documented (`zlib.reset()`), missing from @types/node's Gunzip. */
  reset(): void;
  _handle?: {
    writeSync(
      flush: number,
      input: Uint8Array,
      inOffset: number,
      inLength: number,
      output: Uint8Array,
      outOffset: number,
      outLength: number,
    ): void;
  };
  /** After a write: [output bytes left, input bytes left]. */
  _writeState?: Uint32Array;
}

/**
 * Gives the output buffer: at least `size` bytes, whose first `written` bytes are those of
 * `previous` (the buffer it gave before, or an empty one).
 */
type GunzipAllocator = (size: number, previous: Buffer, written: number) => Buffer;

const newBuffer: GunzipAllocator = (size, previous, written) => {
  const buffer = Buffer.allocUnsafe(size);
  previous.copy(buffer, 0, 0, written);
  return buffer;
};

const FIRST_OUTPUT = 4 << 20;
/** The most an ISIZE is trusted for the first try: a corrupt trailer must not allocate gigabytes. */
const MAX_HINT = 256 << 20;

/**
 * A gunzip that inflates every object into one output buffer, kept for the next object and grown
 * when an object needs more: a fresh multi-MB buffer per object is mapped anew by the allocator,
 * and every page of it faults when inflate first writes it (about a fifth of a scan's CPU time).
 * zlib checks the gzip trailer (CRC-32 and ISIZE) as with `gunzipSync`; a corrupt or truncated
 * object is gunzipped again with `gunzipSync`, which throws its error (the kept stream is then
 * replaced). The result is a view of the kept buffer, valid until the next call: the caller parses
 * what it needs from it first (an object scan copies the records it keeps).
 *
 * The buffer is written through the zlib handle behind Node's streams, the one `gunzipSync` itself
 * drives; where a Node version lacks it, every object goes to `gunzipSync`. One per thread.
 * `maxBytes` bounds the text of one object, and so does a call's `limit` (a gzip bomb throws
 * instead of taking the memory: zlib stops once the output passes it);
 * `allocate` gives the buffer (a structural scanner's memory, so that its searches copy nothing).
 */
const reusedGunzip = (
  maxBytes: number = buffer.MAX_LENGTH,
  allocate: GunzipAllocator = newBuffer,
): ((raw: Buffer, limit?: number) => Buffer) => {
  let output: Buffer = Buffer.allocUnsafe(0);
  let stream: Gunzip & GunzipInternals;
  const fresh = () => {
    stream = createGunzip() as Gunzip & GunzipInternals;
    stream.on('error', () => {}); // the error is thrown by gunzipSync, below
  };
  fresh();
  if (typeof stream!._handle?.writeSync !== 'function' || !(stream!._writeState instanceof Uint32Array))
    return (raw, limit = maxBytes) => gunzipSync(raw, { maxOutputLength: Math.min(limit, maxBytes) });
  return (raw, limit = maxBytes) => {
    const most = Math.min(limit, maxBytes);
    // ISIZE, the uncompressed size modulo 2^32, sizes the first try; a wrong one costs a regrow.
    const size = raw.length >= 4 ? raw.readUInt32LE(raw.length - 4) : 0;
    const first = Math.min(size + 1, MAX_HINT, most + 1);
    if (output.length < first)
      output = allocate(Math.max(first, Math.min(FIRST_OUTPUT, most + 1)), output, 0);
    stream.reset();
    let written = 0;
    let consumed = 0;
    for (;;) {
      stream._handle!.writeSync(
        constants.Z_FINISH,
        raw,
        consumed,
        raw.length - consumed,
        output,
        written,
        output.length - written,
      );
      if (stream.destroyed) {
        fresh();
        return gunzipSync(raw, { maxOutputLength: most });
      }
      const [outputLeft, inputLeft] = stream._writeState!;
      consumed = raw.length - inputLeft!;
      written = output.length - outputLeft!;
      // Past the limit (a kept buffer may be larger than it), or full at it: a bomb.
      if (written > most) throw new RangeError(`the text is over ${most} bytes once gunzipped`);
      if (outputLeft! > 0) return output.subarray(0, written);
      // Full: a larger buffer, with what was inflated so far, and go on.
      output = allocate(Math.min(output.length * 2, most + 1), output, written);
    }
  };
};

export { reusedGunzip };
export type { GunzipAllocator };
