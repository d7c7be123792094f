import { sourceCache } from '../sources/open-source.ts';
import { scanListed } from '../scan-listed.ts';
import type { ObjectScanner } from './object-scanner.ts';

/**
 * Scans in the calling thread: for one core, for tests, and for a Lambda function, whose bundle
 * has no worker entry to start. `capacity` overlaps reads (S3 latency) with scanning.
 */
const inlineScanner = (capacity = 4): ObjectScanner => {
  const open = sourceCache();
  return {
    capacity,
    scan: async (descriptor, key) => scanListed(await open(descriptor), key),
    close: async () => {},
  };
};

export { inlineScanner };
