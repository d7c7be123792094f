/**
 * Where a read puts an object's stored bytes: `lease(size)` gives a buffer of exactly `size`
 * bytes, to hand back with `release` once the object is scanned.
 */
interface ReadBuffer {
  lease(size: number): Buffer;
  release(buffer: Buffer): void;
}

/** A fresh buffer per read: what a source does when it is given no `ReadBuffer`. */
const freshReadBuffer: ReadBuffer = {
  lease: (size) => Buffer.allocUnsafe(size),
  release: () => {},
};

/**
 * One buffer kept for every read of a thread, grown to the largest object read so far: a fresh
 * multi-MB buffer per object is mapped anew by the allocator and every page of it faults when the
 * read first writes it (measured: 7% of a 2-worker scan's time, docs/speed.md). A lease taken
 * while the kept buffer is out (reads of S3 objects overlap) gets a fresh buffer, so two objects
 * never share bytes; so does one over `keepAtMost` bytes, not to hold a rare huge object's memory.
 */
const keptReadBuffer = (keepAtMost = 256 << 20): ReadBuffer => {
  // Its own memory, not a slice of Node's shared pool, so that `release` can tell it by its backing store.
  let kept = Buffer.allocUnsafeSlow(0);
  let out = false;
  return {
    lease(size) {
      if (out || size > keepAtMost) return Buffer.allocUnsafe(size);
      out = true;
      if (kept.length < size)
        kept = Buffer.allocUnsafeSlow(Math.min(Math.max(size, kept.length * 2), keepAtMost));
      return kept.subarray(0, size);
    },
    release(buffer) {
      if (buffer.buffer === kept.buffer) out = false;
    },
  };
};

export { freshReadBuffer, keptReadBuffer };
export type { ReadBuffer };
