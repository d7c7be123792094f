import { describe, expect, it } from 'vitest';
import type { ObjectScan } from '../../../scan/scan-object.ts';
import { workerPool } from '../../../scan/workers/worker-pool.ts';

const MISBEHAVING = new URL('./fixtures/misbehaving-worker.mjs', import.meta.url);
const BROKEN = new URL('./fixtures/broken-worker.mjs', import.meta.url);

/** Scans `keys` at once and says, per key, which record came back or why it failed. */
const scanAll = async (pool: ReturnType<typeof workerPool>, keys: readonly string[]) => {
  const outcomes = await Promise.allSettled(keys.map((key) => pool.scan({ kind: 'local' }, key)));
  await pool.close();
  return Object.fromEntries(
    outcomes.map((outcome, index) => [
      keys[index],
      outcome.status === 'fulfilled'
        ? (outcome.value as ObjectScan).items.map((item) =>
            item.kind === 'value' ? item.value : item.reason,
          )
        : (outcome.reason as Error).message,
    ]),
  );
};

const scanned = (key: string) => [{ key }];

describe('Scan: the worker pool, with workers that misbehave', () => {
  it.each([
    {
      scenario: 'an object that hangs fails at its time limit; those queued behind it are scanned',
      keys: ['a/1', 'a/hang', 'a/2', 'a/3'],
      culprit: 'a/hang',
      reason: 'the scan worker stopped on it: it took longer than 0.5 s (--object-timeout)',
    },
    {
      scenario: 'an object whose worker throws fails alone; the objects queued to that worker are scanned',
      keys: ['b/1', 'b/crash', 'b/2', 'b/3'],
      culprit: 'b/crash',
      reason: 'the scan worker stopped on it: crashed on purpose',
    },
    {
      scenario: 'an object whose worker exits fails alone',
      keys: ['c/exit', 'c/1', 'c/2'],
      culprit: 'c/exit',
      reason: 'the scan worker stopped on it: the worker exited (code 7)',
    },
    {
      scenario: 'an object whose reply cannot be read (messageerror) fails alone, not hanging the scan',
      keys: ['d/1', 'd/deep-reply', 'd/2'],
      culprit: 'd/deep-reply',
      reason: 'the scan worker stopped on it: its reply could not be read: Maximum call stack size exceeded',
    },
    {
      scenario:
        'a worker that dies with two objects started runs each again alone, and fails only the one at fault',
      keys: ['e/slow', 'e/crash-later', 'e/1'],
      culprit: 'e/crash-later',
      reason: 'the scan worker stopped on it: crashed later on purpose',
    },
  ])('$scenario', async ({ keys, culprit, reason }) => {
    // Prepare: one worker, so that every object is queued to the one at fault.
    const pool = workerPool(1, { entry: MISBEHAVING, perWorker: 4, objectTimeoutMs: 500 });

    // Act
    const outcomes = await scanAll(pool, keys);

    // Assess
    expect(outcomes).toStrictEqual(
      Object.fromEntries(keys.map((key) => [key, key === culprit ? reason : scanned(key)])),
    );
  });

  it('goes on with a new worker after each fault: two hostile objects among good ones, on two workers', async () => {
    // Prepare
    const pool = workerPool(2, { entry: MISBEHAVING, perWorker: 3, objectTimeoutMs: 500 });
    const keys = ['f/1', 'f/crash', 'f/2', 'f/3', 'f/hang', 'f/4', 'f/5', 'f/crash', 'f/6'];

    // Act
    const outcomes = await Promise.allSettled(keys.map((key) => pool.scan({ kind: 'local' }, key)));
    await pool.close();

    // Assess
    expect(outcomes.map((outcome) => outcome.status)).toStrictEqual(
      keys.map((key) => (key === 'f/crash' || key === 'f/hang' ? 'rejected' : 'fulfilled')),
    );
  });

  it('fails the objects, and does not restart for ever, when its workers cannot start', async () => {
    // Prepare
    const pool = workerPool(2, { entry: BROKEN, perWorker: 2 });

    // Act
    const outcomes = await scanAll(pool, ['g/1', 'g/2', 'g/3']);

    // Assess
    expect(outcomes).toStrictEqual({
      'g/1': 'every scan worker failed: this worker cannot start',
      'g/2': 'every scan worker failed: this worker cannot start',
      'g/3': 'every scan worker failed: this worker cannot start',
    });
  });
});
