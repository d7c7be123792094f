import { openSource, sourceId } from '../sources/open-source.ts';
import type { ObjectSource } from '../sources/object-source.ts';
import { scanListed } from '../scan-listed.ts';
import type { ObjectScanner } from './object-scanner.ts';

/**
 * Scans in the calling thread: for one core, for tests, and for a Lambda function, whose bundle
 * has no worker entry to start. `capacity` overlaps reads (S3 latency) with scanning.
 */
const inlineScanner = (capacity = 4): ObjectScanner => {
  const sources = new Map<string, ObjectSource>();
  return {
    capacity,
    scan: (descriptor, key) => {
      const id = sourceId(descriptor);
      const source = sources.get(id) ?? openSource(descriptor);
      sources.set(id, source);
      return scanListed(source, key);
    },
    close: async () => {},
  };
};

export { inlineScanner };
