import { availableParallelism } from 'node:os';

/** Scan worker threads when `--workers` is not given. */
const defaultWorkerCount = (): number => Math.min(2, availableParallelism());

export { defaultWorkerCount };
