import { mkdtempSync, readdirSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { DEFAULT_READ_LIMITS } from '../../scan/documents/read-limits.ts';
import { reusedGunzip } from '../../scan/documents/reused-gunzip.ts';
import { scanListed } from '../../scan/scan-listed.ts';
import { localSource } from '../../scan/sources/local-source.ts';
import type { ObjectSource } from '../../scan/sources/object-source.ts';
import { keptReadBuffer } from '../../scan/sources/read-buffer.ts';
import { readRegularFile } from '../../scan/sources/read-file.ts';
import { SHARED_DIR } from '../helpers/paths.ts';

const REAL = join(SHARED_DIR, 'cloudtrail-real');
const realFiles = (readdirSync(REAL, { recursive: true, withFileTypes: true }) as Dirent[])
  .filter((entry) => entry.isFile() && /\.(gz|json)$/.test(entry.name))
  .map((entry) => join(entry.parentPath, entry.name))
  .sort();

/** A local source whose reads finish out of order, as S3 reads do when several are in flight. */
const slowSource = (): ObjectSource => {
  const local = localSource();
  let turn = 0;
  return {
    ...local,
    read: async (key, limits, into) => {
      const bytes = readRegularFile(key, limits, into);
      turn += 1;
      await sleep(turn % 3);
      return bytes;
    },
  };
};

describe('Scan: the kept read buffer', () => {
  it('gives the same buffer to one read after another, sized to each', () => {
    const buffers = keptReadBuffer();
    const first = buffers.lease(1000);
    buffers.release(first);
    const second = buffers.lease(300);
    expect(second.buffer).toBe(first.buffer);
    expect(second.length).toBe(300);
    buffers.release(second);
    const larger = buffers.lease(5000);
    expect(larger.length).toBe(5000);
    buffers.release(larger);
    expect(buffers.lease(10).buffer).toBe(larger.buffer);
  });

  it('gives a fresh buffer to a read while the kept one is out, and keeps the kept one out until it is released', () => {
    const buffers = keptReadBuffer();
    const kept = buffers.lease(100);
    const other = buffers.lease(100);
    expect(other.buffer).not.toBe(kept.buffer);
    buffers.release(other);
    expect(buffers.lease(100).buffer).not.toBe(kept.buffer);
    buffers.release(kept);
    expect(buffers.lease(100).buffer).toBe(kept.buffer);
  });

  it('does not keep a buffer for an object over its bound', () => {
    const buffers = keptReadBuffer(1024);
    const small = buffers.lease(1000);
    buffers.release(small);
    const huge = buffers.lease(4096);
    expect(huge.buffer).not.toBe(small.buffer);
    buffers.release(huge);
    expect(buffers.lease(1000).buffer).toBe(small.buffer);
  });

  it('is handed back by a read that is refused, and by one that is scanned', async () => {
    const buffers = keptReadBuffer();
    const kept = buffers.lease(1 << 20);
    buffers.release(kept);
    const tools = { readBuffer: buffers };
    const refused = await scanListed(localSource(), mkdtempSync(join(tmpdir(), 'rootwatch-read-')), tools);
    expect(refused.items[0]).toMatchObject({ kind: 'unreadable', reason: expect.stringContaining('folder') });
    const scanned = await scanListed(localSource(), realFiles[0]!, tools);
    expect(scanned.stored).toBeGreaterThan(0);
    expect(buffers.lease(1).buffer).toBe(kept.buffer);
  });

  it('scans every real CloudTrail file as fresh buffers do, reads overlapping and finishing out of order', async () => {
    expect(realFiles.length).toBeGreaterThan(50);
    const fresh = await Promise.all(
      realFiles.map((file) =>
        scanListed(slowSource(), file, { gunzip: reusedGunzip() }, DEFAULT_READ_LIMITS),
      ),
    );
    // One gunzip per scan, as each thread has one: what is shared under test is the read buffer.
    const readBuffer = keptReadBuffer();
    const kept = await Promise.all(
      realFiles.map((file) => scanListed(slowSource(), file, { readBuffer, gunzip: reusedGunzip() })),
    );
    expect(kept).toEqual(fresh);
    expect(kept.filter((scan) => scan.items.length > 0).length).toBeGreaterThan(10);
  });
});
