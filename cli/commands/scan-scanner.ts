import { isS3Url } from '../../schemas/s3-url.ts';
import type { ScanOptions } from '../../schemas/scan-options.ts';
import { inlineScanner } from '../../scan/workers/inline-scanner.ts';
import type { ObjectScanner } from '../../scan/workers/object-scanner.ts';
import { workerPool } from '../../scan/workers/worker-pool.ts';

/**
 * The scanner a scan runs on: `workers` threads (taking those `cli/rootwatch.mjs` started ahead),
 * or this thread for `--workers 0`. More objects in flight for S3, whose reads wait on the network.
 */
const startScanner = (options: Pick<ScanOptions, 'paths' | 'workers'>): ObjectScanner => {
  const perWorker = options.paths.some(isS3Url) ? 8 : 2;
  return options.workers === 0 ? inlineScanner(perWorker) : workerPool(options.workers, perWorker);
};

export { startScanner };
