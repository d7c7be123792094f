import type { SpanFinder } from './record-spans.ts';
import type { ObjectSource } from './sources/object-source.ts';
import type { ObjectScan } from './scan-object.ts';
import { scanObject } from './scan-object.ts';

/**
 * Reads one listed object and scans it (with `spans` for the record spans, by default the JS scan);
 * a failed read (gone, denied) becomes an `unreadable` item.
 */
const scanListed = async (source: ObjectSource, key: string, spans?: SpanFinder): Promise<ObjectScan> => {
  let raw: Buffer;
  try {
    raw = await source.read(key);
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
  return scanObject(raw, source.locate(key), spans);
};

export { scanListed };
