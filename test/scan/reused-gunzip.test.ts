import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { reusedGunzip } from '../../scan/documents/reused-gunzip.ts';
import { SHARED_DIR } from '../helpers/paths.ts';

const INVICTUS = join(SHARED_DIR, 'cloudtrail-real', 'invictus');
const realGzips = (readdirSync(INVICTUS, { recursive: true }) as string[])
  .filter((name) => name.endsWith('.gz'))
  .map((name) => join(INVICTUS, name));

/** Text that compresses little, so that sizes of megabytes stay megabytes of gzip input too. */
const noise = (length: number, seed = 1) => {
  const bytes = Buffer.allocUnsafe(length);
  for (let at = 0; at < length; at += 1) {
    seed = (Math.imul(seed, 1103515245) + 12345) | 0;
    bytes[at] = 32 + ((seed >>> 16) % 90);
  }
  return bytes;
};

describe('Scan: gunzip into a kept buffer', () => {
  it('inflates every real archive file as gunzipSync does, one after the other', () => {
    const gunzip = reusedGunzip();
    expect(realGzips.length).toBeGreaterThan(50);
    for (const file of realGzips) {
      const raw = readFileSync(file);
      expect(gunzip(raw).equals(gunzipSync(raw))).toBe(true);
    }
  });

  it.each([
    { name: 'an empty text', text: Buffer.alloc(0) },
    { name: 'one byte', text: Buffer.from('x') },
    { name: 'more than the first buffer (4 MB)', text: noise(5 << 20) },
    { name: 'exactly the first buffer', text: noise(4 << 20) },
    { name: 'one byte less than the first buffer', text: noise((4 << 20) - 1) },
  ])('inflates $name', ({ text }) => {
    const gunzip = reusedGunzip();
    expect(gunzip(gzipSync(Buffer.from('warm-up'))).toString()).toBe('warm-up');
    expect(gunzip(gzipSync(text)).equals(text)).toBe(true);
  });

  it('inflates two gzip members, whose last ISIZE is smaller than the text', () => {
    const first = noise(6 << 20, 7);
    const raw = Buffer.concat([gzipSync(first), gzipSync(Buffer.from('tail'))]);
    expect(reusedGunzip()(raw).equals(Buffer.concat([first, Buffer.from('tail')]))).toBe(true);
  });

  it('keeps one buffer from object to object', () => {
    const gunzip = reusedGunzip();
    const a = gunzip(gzipSync(noise(1000, 1)));
    const b = gunzip(gzipSync(noise(2000, 2)));
    expect(b.buffer).toBe(a.buffer);
    expect(b.equals(noise(2000, 2))).toBe(true);
  });

  const good = gzipSync(noise(100_000, 3));
  const flipped = (at: number) => {
    const bad = Buffer.from(good);
    bad[at]! ^= 0x01;
    return bad;
  };
  it.each([
    { name: 'a wrong CRC-32', raw: flipped(good.length - 8), error: 'incorrect data check' },
    { name: 'a wrong ISIZE', raw: flipped(good.length - 4), error: 'incorrect length check' },
    { name: 'a truncated object', raw: good.subarray(0, good.length - 100), error: 'unexpected end of file' },
    {
      name: 'corrupt deflate data',
      raw: Buffer.concat([good.subarray(0, 10), Buffer.alloc(50, 0xff)]),
      error: 'invalid',
    },
  ])('throws on $name, and inflates the next object', ({ raw, error }) => {
    const gunzip = reusedGunzip();
    expect(() => gunzip(raw)).toThrow(error);
    expect(gunzip(good).equals(noise(100_000, 3))).toBe(true);
  });
});

describe('Scan: gunzip into a kept buffer, bounded', () => {
  it.each([
    { name: 'a text over the bound', text: noise(3000, 5), error: 'over 2048 bytes' },
    {
      name: 'a text over the bound that the trailer says is small',
      text: Buffer.alloc(1 << 20, 0x61),
      error: 'over 2048 bytes',
    },
  ])('throws on $name', ({ text, error }) => {
    const raw = gzipSync(text);
    raw.writeUInt32LE(10, raw.length - 4);
    expect(() => reusedGunzip(2048)(raw)).toThrow(error);
  });

  it('inflates a text at the bound', () => {
    expect(reusedGunzip(2048)(gzipSync(noise(2048, 6))).equals(noise(2048, 6))).toBe(true);
  });
});
