import { describe, expect, it } from 'vitest';
import { workerPool } from '../../../scan/workers/worker-pool.ts';
import { prestartWorkers } from '../../../scan/workers/prestart.ts';
import { SCAN_WORKER_OPTIONS } from '../../../scan/workers/worker-options.ts';

const LIMITS_WORKER = new URL('./fixtures/limits-worker.mjs', import.meta.url);

/** The resource limits the pool's workers report, one object per worker. */
const reportedLimits = async (count: number) => {
  const pool = workerPool(count, { entry: LIMITS_WORKER, perWorker: 1 });
  try {
    const scans = await Promise.all(
      Array.from({ length: count }, (_, index) => pool.scan({ kind: 'local' }, `k/${index}`)),
    );
    return scans.map((scan) => {
      const item = scan.items[0];
      return item?.kind === 'value' ? (item.value as { maxYoungGenerationSizeMb?: number }) : undefined;
    });
  } finally {
    await pool.close();
  }
};

describe('Scan: every scan worker runs with the young generation capped', () => {
  it.each([
    { scenario: 'workers the pool starts itself', prestarted: 0 },
    { scenario: 'workers started ahead of the pool (the command line) and adopted by it', prestarted: 2 },
  ])('$scenario', async ({ prestarted }) => {
    // Prepare: the command line's order, prestarted workers first.
    if (prestarted) prestartWorkers(prestarted, LIMITS_WORKER);
    // Run
    const limits = await reportedLimits(2);
    // Assert: V8's default young generation is tens of MB; each worker reports the cap.
    expect(limits.map((each) => each?.maxYoungGenerationSizeMb)).toEqual([
      SCAN_WORKER_OPTIONS.resourceLimits.maxYoungGenerationSizeMb,
      SCAN_WORKER_OPTIONS.resourceLimits.maxYoungGenerationSizeMb,
    ]);
  });
});
