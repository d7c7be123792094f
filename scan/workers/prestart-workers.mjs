// Scan workers started before the command line has loaded anything else (`cli/rootwatch.mjs`):
// a worker needs a few hundred milliseconds to load its code, which it spends while this thread
// loads the command line and the detector. Plain JavaScript, so that it runs before tsx is
// registered. The pool (`worker-pool.ts`) takes them from the process-wide list below.
import { Worker } from 'node:worker_threads';

const PRESTARTED = Symbol.for('rootwatch.scan.prestartedWorkers');
const WORKER_ENTRY = new URL('./scan-worker.mjs', import.meta.url);

/**
 * Starts `count` scan workers for the next pool. Unreferenced until taken, so that a run that ends
 * before (usage error, `--help`) still exits.
 */
const prestartWorkers = (count) => {
  const started = (globalThis[PRESTARTED] ??= []);
  for (let index = 0; index < count; index += 1) {
    const worker = new Worker(WORKER_ENTRY);
    worker.unref();
    started.push(worker);
  }
};

export { prestartWorkers, PRESTARTED, WORKER_ENTRY };
