import { DEFAULT_READ_LIMITS } from './documents/read-limits.ts';
import type { ReadLimits } from './documents/read-limits.ts';
import type { ObjectSource } from './sources/object-source.ts';
import type { ReadBuffer } from './sources/read-buffer.ts';
import { freshReadBuffer } from './sources/read-buffer.ts';
import type { ObjectScan, ObjectScanTools } from './scan-object.ts';
import { scanObject } from './scan-object.ts';

/** A thread's object scan tools, and where its reads put the stored bytes (sources/read-buffer.ts). */
type ListedScanTools = ObjectScanTools & { readBuffer?: ReadBuffer };

/**
 * Reads one listed object and scans it with this thread's `tools`; a failed or refused read (gone,
 * denied, too large, a FIFO) becomes an `unreadable` item. The read's buffer is handed back once
 * the object is scanned (the scan keeps copies of what it needs, never the bytes).
 */
const scanListed = async (
  source: ObjectSource,
  key: string,
  tools: ListedScanTools = {},
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): Promise<ObjectScan> => {
  const { readBuffer = freshReadBuffer } = tools;
  let raw: Buffer;
  try {
    raw = await source.read(key, limits, readBuffer);
  } catch (error) {
    const reason = (error as Error).message || (error as Error).name;
    return {
      stored: 0,
      bytes: 0,
      marked: false,
      parsed: 0,
      items: [{ kind: 'unreadable', position: { file: source.locate(key) }, reason }],
    };
  }
  try {
    return scanObject(raw, source.locate(key), tools, limits);
  } finally {
    readBuffer.release(raw);
  }
};

export { scanListed };
export type { ListedScanTools };
