import { Worker } from 'node:worker_threads';
import type { ObjectScan } from '../scan-object.ts';
import type { ObjectScanner } from './object-scanner.ts';
import { takePrestarted } from './prestart.ts';
import type { WorkerReply, WorkerRequest } from './worker-messages.ts';

/**
 * A pool of worker threads that read, gunzip and scan objects, so that every core works on the
 * bytes; only the rare root-related records come back to the calling thread, which keeps the one
 * detector (AssumeRoot sessions must be learnt across all objects). Each worker is given up to
 * `perWorker` objects at a time (their keys wait in its message queue), so that it goes from one
 * object to the next without waiting on this thread. `entry` is the worker's code (the command
 * line's is dist/cli/scan-worker.mjs); workers `prestartWorkers` started from it are taken first.
 */
const workerPool = (
  count: number,
  { entry, perWorker = 2 }: { entry: URL; perWorker?: number },
): ObjectScanner => {
  const pending = new Map<
    number,
    { worker: number; resolve: (scan: ObjectScan) => void; reject: (error: Error) => void }
  >();
  const load: number[] = [];
  const ready = takePrestarted(count);
  const workers = Array.from({ length: count }, (_, index) => {
    const worker = ready[index] ?? new Worker(entry);
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
