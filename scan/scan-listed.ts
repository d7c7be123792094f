import { DEFAULT_READ_LIMITS } from './documents/read-limits.ts';
import type { ReadLimits } from './documents/read-limits.ts';
import type { ObjectSource } from './sources/object-source.ts';
import type { ObjectScan, ObjectScanTools } from './scan-object.ts';
import { scanObject } from './scan-object.ts';

/**
 * Reads one listed object and scans it with this thread's `tools`; a failed or refused read (gone,
 * denied, too large, a FIFO) becomes an `unreadable` item.
 */
const scanListed = async (
  source: ObjectSource,
  key: string,
  tools?: ObjectScanTools,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): Promise<ObjectScan> => {
  let raw: Buffer;
  try {
    raw = await source.read(key, limits);
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
  return scanObject(raw, source.locate(key), tools, limits);
};

export { scanListed };
