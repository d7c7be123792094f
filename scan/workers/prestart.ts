import { Worker } from 'node:worker_threads';
import { SCAN_WORKER_OPTIONS } from './worker-options.ts';

/** Workers started ahead of their pool, process-wide: the command line's entry starts them first. */
const prestarted: Worker[] = [];
/** Prestarted workers that have already ended (their code failed to load): never handed out. */
const ended = new WeakSet<Worker>();

/**
 * Starts `count` scan workers of `entry` for the next pool, before the command line has loaded
 * anything else: a worker needs a few hundred milliseconds to load its code, which it spends while
 * this thread loads the detector. Unreferenced until taken, so that a run that ends before
 * (usage error, `--help`) still exits. One that fails before it is taken is noted, not thrown.
 */
const prestartWorkers = (count: number, entry: URL): void => {
  for (let index = 0; index < count; index += 1) {
    const worker = new Worker(entry, SCAN_WORKER_OPTIONS);
    worker.unref();
    worker.on('error', () => {});
    worker.once('exit', () => ended.add(worker));
    prestarted.push(worker);
  }
};

/** Takes up to `count` prestarted workers that are still running, ending the spare ones. */
const takePrestarted = (count: number): Worker[] => {
  for (const spare of prestarted.splice(count)) void spare.terminate();
  return prestarted.splice(0, count).filter((worker) => !ended.has(worker));
};

export { prestartWorkers, takePrestarted };
