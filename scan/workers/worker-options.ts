import type { WorkerOptions } from 'node:worker_threads';

/**
 * How every scan worker is started: with a young generation of 2 MB. V8 grows a busy isolate's
 * young generation up to some 48 MB as objects go through it, so each worker's share of a scan's
 * peak RSS grew with the archive's size (a 1 GB archive peaked 1.3 times as high as a 250 MB one).
 * A worker keeps nothing on its heap from one object to the next (its kept buffers are outside
 * it), so a small young generation costs it only more frequent, smaller scavenges. Measured in
 * docs/speed.md: 4 MB still let the peak grow, 2 and 1 MB did not. `resourceLimits` is the
 * Worker option made for this (https://nodejs.org/api/worker_threads.html#new-workerfilename-options),
 * where a V8 flag set at run time is unsupported.
 */
const SCAN_WORKER_OPTIONS = {
  resourceLimits: { maxYoungGenerationSizeMb: 2 },
} as const satisfies WorkerOptions;

export { SCAN_WORKER_OPTIONS };
