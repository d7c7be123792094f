import { availableParallelism, totalmem } from 'node:os';

/**
 * Memory set aside per scan worker: its isolate (about 30 MB), the kept buffers (the object as
 * read, and its text in the structural scanner's memory, both the size of the largest object seen)
 * and the records it parses. Measured with the bench archive (objects up to 3 MB of JSON): about
 * 50 MB of peak RSS per worker added; the rest is room for CloudTrail's larger files.
 */
const MEMORY_PER_WORKER = 256 * 2 ** 20;
/** The share of the machine's (or the container's) memory the workers may take by default. */
const MEMORY_SHARE = 1 / 4;
const MAX_WORKERS = 64;

/** The memory this process may use: the machine's, or its cgroup's limit when lower. */
const usableMemory = (): number => {
  const limit = process.constrainedMemory?.() ?? 0;
  return limit > 0 ? Math.min(limit, totalmem()) : totalmem();
};

/**
 * Scan worker threads when `--workers` is not given: one per core the process may use, as many as
 * a quarter of the memory holds at 256 MB each (a 16-core laptop with 16 GB runs 16; a container
 * of 8 cores and 2 GB, 2), at least 1 and at most 64.
 */
const defaultWorkerCount = (cores = availableParallelism(), memory = usableMemory()): number =>
  Math.max(1, Math.min(cores, Math.floor((memory * MEMORY_SHARE) / MEMORY_PER_WORKER), MAX_WORKERS));

export { defaultWorkerCount, MEMORY_PER_WORKER };
