import { describe, expect, it } from 'vitest';
import { defaultWorkerCount, MEMORY_PER_WORKER } from '../../scan/workers/default-workers.ts';

const GiB = 2 ** 30;

describe('Scan: default worker count', () => {
  it.each([
    { name: 'a 16-core laptop with 16 GB', cores: 16, memory: 16 * GiB, workers: 16 },
    { name: 'a 2-core machine with 24 GB', cores: 2, memory: 24 * GiB, workers: 2 },
    { name: 'a 64-core server with 512 GB', cores: 96, memory: 512 * GiB, workers: 64 },
    { name: 'a container of 8 cores and 2 GB', cores: 8, memory: 2 * GiB, workers: 2 },
    { name: 'one core', cores: 1, memory: 8 * GiB, workers: 1 },
    { name: 'less memory than one worker’s share', cores: 4, memory: 512 * 2 ** 20, workers: 1 },
  ])('runs $workers on $name', ({ cores, memory, workers }) => {
    expect(defaultWorkerCount(cores, memory)).toBe(workers);
  });

  it('sets 256 MB aside per worker, out of a quarter of the memory', () => {
    expect(MEMORY_PER_WORKER).toBe(256 * 2 ** 20);
    expect(defaultWorkerCount(32, 4 * 5 * MEMORY_PER_WORKER)).toBe(5);
    expect(defaultWorkerCount(32, 4 * 5 * MEMORY_PER_WORKER - 1)).toBe(4);
  });
});
