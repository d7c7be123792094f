import { PRESTARTED, WORKER_ENTRY } from './prestart-workers.mjs';
import { Worker } from 'node:worker_threads';
import type { ObjectScan } from '../scan-object.ts';
import type { ObjectScanner } from './object-scanner.ts';
import type { WorkerReply, WorkerRequest } from './worker-messages.ts';

/** Workers started ahead of their pool by `prestartWorkers`, taken by the next pool. */
const prestarted = (): Worker[] => ((globalThis as { [PRESTARTED]?: Worker[] })[PRESTARTED] ??= []);

/**
 * A pool of worker threads that read, gunzip and scan objects, so that every core works on the
 * bytes; only the rare root-related records come back to the calling thread, which keeps the one
 * detector (AssumeRoot sessions must be learnt across all objects). Each worker is given up to
 * `perWorker` objects at a time (their keys wait in its message queue), so that it goes from one
 * object to the next without waiting on this thread.
 */
const workerPool = (count: number, perWorker = 2): ObjectScanner => {
  const pending = new Map<
    number,
    { worker: number; resolve: (scan: ObjectScan) => void; reject: (error: Error) => void }
  >();
  const load: number[] = [];
  for (const spare of prestarted().splice(count)) void spare.terminate();
  const workers = Array.from({ length: count }, (_, index) => {
    const worker = prestarted().shift() ?? new Worker(WORKER_ENTRY);
    worker.ref();
    load[index] = 0;
    worker.on('message', ({ id, scan }: WorkerReply) => {
      load[index]! -= 1;
      pending.get(id)?.resolve(scan);
      pending.delete(id);
    });
    // A worker that died (a bug, not a bad object: those are reported as items) fails the objects
    // in flight and takes no more; the scan reports them and goes on with the other workers.
    worker.on('error', (error) => {
      load[index] = Number.POSITIVE_INFINITY;
      for (const [id, task] of pending) {
        if (task.worker !== index) continue;
        task.reject(error);
        pending.delete(id);
      }
    });
    return worker;
  });
  let nextId = 0;
  return {
    capacity: count * perWorker,
    scan: (descriptor, key) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        const index = load.indexOf(Math.min(...load));
        if (load[index] === Number.POSITIVE_INFINITY) {
          reject(new Error('every scan worker died'));
          return;
        }
        load[index]! += 1;
        pending.set(id, { worker: index, resolve, reject });
        const request: WorkerRequest = { id, descriptor, key };
        workers[index]!.postMessage(request);
      }),
    close: async () => {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
};

export { workerPool };
