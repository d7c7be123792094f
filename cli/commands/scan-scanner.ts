import { isS3Url } from '../../schemas/s3-url.ts';
import type { ScanOptions } from '../../schemas/scan-options.ts';
import { inlineScanner } from '../../scan/workers/inline-scanner.ts';
import type { ObjectScanner } from '../../scan/workers/object-scanner.ts';
import { workerPool } from '../../scan/workers/worker-pool.ts';
import { readLimitsOf } from '../../scan/documents/read-limits.ts';
import { sourceCache } from '../../adapters/archive-sources.ts';
import { SCAN_WORKER_ENTRY } from '../package-files.ts';
import { scanTools } from '../scan-tools.ts';

/**
 * Objects queued per worker. A worker's queue holds keys, not bytes (a worker reads one object at a
 * time), so local scans queue deep: the workers then stay busy while this thread loads the detector
 * (0.2 s at the start of a scan, when two objects each left them idle for most of it). S3 reads
 * wait on the network, so more are in flight at once, in this thread too.
 */
const QUEUED_PER_WORKER = { local: 16, s3: 8 } as const;
const IN_FLIGHT_INLINE = { local: 2, s3: 8 } as const;

/**
 * The scanner a scan runs on: `workers` threads (taking those `cli/rootwatch.ts` started ahead),
 * or this thread for `--workers 0`, with the read limits and the time limit per object.
 */
const startScanner = (
  options: Pick<ScanOptions, 'paths' | 'workers' | 'maxObjectMb' | 'objectTimeout'>,
): ObjectScanner => {
  const kind = options.paths.some(isS3Url) ? 's3' : 'local';
  const limits = { limits: readLimitsOf(options.maxObjectMb), objectTimeoutMs: options.objectTimeout * 1000 };
  return options.workers === 0
    ? inlineScanner(sourceCache(), IN_FLIGHT_INLINE[kind], { ...limits, tools: scanTools() })
    : workerPool(options.workers, {
        entry: SCAN_WORKER_ENTRY,
        perWorker: QUEUED_PER_WORKER[kind],
        ...limits,
      });
};

export { startScanner };
