import type { SpanFinder } from '../record-spans.ts';
import type { ObjectSource, SourceDescriptor } from '../sources/object-source.ts';
import { scanListed } from '../scan-listed.ts';
import type { ObjectScanner } from './object-scanner.ts';

/**
 * Scans in the calling thread: for one core, for tests, and for a Lambda function, whose bundle
 * has no worker entry to start. `open` opens the source a descriptor names (adapters/archive-sources.ts);
 * `capacity` overlaps reads (S3 latency) with scanning; `spans` finds the record spans (the JS scan by default).
 */
const inlineScanner = (
  open: (descriptor: SourceDescriptor) => Promise<ObjectSource>,
  capacity = 4,
  spans?: SpanFinder,
): ObjectScanner => ({
  capacity,
  scan: async (descriptor, key) => scanListed(await open(descriptor), key, spans),
  close: async () => {},
});

export { inlineScanner };
