import { inflate, isGzip } from './inflate.ts';
import type { FastGunzip } from './inflate.ts';
import type { ReadLimits } from './read-limits.ts';
import { overLimit } from './read-limits.ts';

/**
 * The text of one object, as bytes: gunzipped when gzip (by magic number), without a UTF-8 BOM;
 * `cut` says why it ends early when the gzip stream was truncated (the bytes are then its prefix).
 * Or why there is no text to read: too large, corrupt, empty.
 */
type ObjectText = { kind: 'text'; text: Buffer; cut?: string } | { kind: 'failed'; reason: string };

const BOM = [0xef, 0xbb, 0xbf] as const;

const withoutBom = (bytes: Buffer): Buffer =>
  bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2] ? bytes.subarray(3) : bytes;

/** JSON's whitespace: space, tab, line feed, carriage return. */
const isJsonSpace = (byte: number | undefined): boolean =>
  byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

/** Where the first byte that is not whitespace is, or the length when there is none. */
const firstNonSpace = (bytes: Buffer, from = 0): number => {
  let at = from;
  while (at < bytes.length && isJsonSpace(bytes[at])) at += 1;
  return at;
};

/**
 * The one reader of bytes into text for every command (classify, replay, audit, scan, the
 * completeness function): the same object gets the same verdict everywhere. The size limit applies
 * to the stored bytes and to the decompressed ones. `fast`: the thread's kept gunzip, if it has one
 * (its text is then a view of a kept buffer, valid until the next object).
 */
const objectText = (raw: Buffer, limits: ReadLimits, fast?: FastGunzip): ObjectText => {
  if (raw.length > limits.maxObjectBytes)
    return { kind: 'failed', reason: `${raw.length} bytes, ${overLimit(limits)}` };
  const gzip = isGzip(raw);
  const inflated = gzip ? inflate(raw, limits, fast) : ({ kind: 'whole', bytes: raw } as const);
  if (inflated.kind === 'failed') return inflated;
  const text = withoutBom(inflated.bytes);
  const cut = inflated.kind === 'cut' ? { cut: inflated.reason } : {};
  if (firstNonSpace(text) === text.length) {
    if (inflated.kind === 'cut') return { kind: 'failed', reason: inflated.reason };
    return {
      kind: 'failed',
      reason:
        raw.length === 0
          ? 'empty file: nothing to read'
          : `only whitespace${gzip ? ' after gunzip' : ''}: nothing to read`,
    };
  }
  return { kind: 'text', text, ...cut };
};

/** What an object cut short says: once for the object, or at the record the cut falls in. */
const cutNotice = (cut: string): string => `${cut}; the records before the cut were read`;
const cutInRecord = (cut: string): string => `${cut}, inside this record; the records before it were read`;

export { objectText, firstNonSpace, isJsonSpace, cutNotice, cutInRecord };
export type { ObjectText };
