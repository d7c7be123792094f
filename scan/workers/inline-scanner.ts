import { DEFAULT_READ_LIMITS } from '../documents/read-limits.ts';
import type { ReadLimits } from '../documents/read-limits.ts';
import type { ObjectSource, SourceDescriptor } from '../sources/object-source.ts';
import { scanListed } from '../scan-listed.ts';
import type { ListedScanTools } from '../scan-listed.ts';
import type { ObjectScan } from '../scan-object.ts';
import { DEFAULT_OBJECT_TIMEOUT_SECONDS } from '../../schemas/read-option-defaults.ts';
import type { ObjectScanner } from './object-scanner.ts';

/** `work`, or a rejection once `ms` have passed (the work itself cannot be stopped: it is left to end). */
const withinTime = <T>(work: Promise<T>, ms: number): Promise<T> => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`it took longer than ${ms / 1000} s (--object-timeout)`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
};

/**
 * Scans in the calling thread: for one core, for tests, and for a Lambda function, whose bundle
 * has no worker entry to start. `open` opens the source a descriptor names (adapters/archive-sources.ts);
 * `capacity` overlaps reads (S3 latency) with scanning; `tools` are this thread's gunzip and span
 * finder (scan-object.ts). An object's time limit stops waiting on a read that hangs; a scan in
 * this thread is not interrupted (it reads regular files and capped objects only, in time linear
 * in their size).
 */
const inlineScanner = (
  open: (descriptor: SourceDescriptor) => Promise<ObjectSource>,
  capacity = 4,
  {
    limits = DEFAULT_READ_LIMITS,
    objectTimeoutMs = DEFAULT_OBJECT_TIMEOUT_SECONDS * 1000,
    tools,
  }: { limits?: ReadLimits; objectTimeoutMs?: number; tools?: ListedScanTools } = {},
): ObjectScanner => ({
  capacity,
  scan: async (descriptor, key): Promise<ObjectScan> =>
    withinTime(
      open(descriptor).then((source) => scanListed(source, key, tools, limits)),
      objectTimeoutMs,
    ),
  close: async () => {},
});

export { inlineScanner };
