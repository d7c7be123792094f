import type { ObjectScanTools } from '../scan-object.ts';
import type { ObjectSource, SourceDescriptor } from '../sources/object-source.ts';
import { scanListed } from '../scan-listed.ts';
import type { ObjectScanner } from './object-scanner.ts';

/**
 * Scans in the calling thread: for one core, for tests, and for a Lambda function, whose bundle
 * has no worker entry to start. `open` opens the source a descriptor names (adapters/archive-sources.ts);
 * `capacity` overlaps reads (S3 latency) with scanning; `tools` are this thread's gunzip and span finder (scan-object.ts).
 */
const inlineScanner = (
  open: (descriptor: SourceDescriptor) => Promise<ObjectSource>,
  capacity = 4,
  tools?: ObjectScanTools,
): ObjectScanner => ({
  capacity,
  scan: async (descriptor, key) => scanListed(await open(descriptor), key, tools),
  close: async () => {},
});

export { inlineScanner };
