import { Worker } from 'node:worker_threads';
import { SCAN_WORKER_OPTIONS } from './worker-options.ts';
import { DEFAULT_READ_LIMITS } from '../documents/read-limits.ts';
import type { ReadLimits } from '../documents/read-limits.ts';
import type { SourceDescriptor } from '../sources/object-source.ts';
import type { ObjectScan } from '../scan-object.ts';
import type { ObjectScanner } from './object-scanner.ts';
import { DEFAULT_OBJECT_TIMEOUT_SECONDS } from '../../schemas/read-option-defaults.ts';
import { takePrestarted } from './prestart.ts';
import type { WorkerReply, WorkerRequest } from './worker-messages.ts';
import { fromWire } from './worker-messages.ts';

interface PoolOptions {
  /** The worker's code (the command line's is dist/cli/scan-worker.mjs). */
  entry: URL;
  /** Objects given to each worker at once (their keys wait in its message queue). */
  perWorker?: number;
  limits?: ReadLimits;
  /** How long one object may take, from when its worker takes it up. */
  objectTimeoutMs?: number;
}

interface Task {
  id: number;
  descriptor: SourceDescriptor;
  key: string;
  resolve(scan: ObjectScan): void;
  reject(error: Error): void;
  /** Its worker has taken it up (`started`); its time limit runs. */
  started: boolean;
  timer?: ReturnType<typeof setTimeout>;
  /** In flight on a worker that died with others started: run again alone, to learn which one it was. */
  suspect: boolean;
}

interface Slot {
  worker: Worker;
  tasks: Map<number, Task>;
  alive: boolean;
  /** Workers in a row that died in this slot before taking up any object: at the third, the slot is retired. */
  failures: number;
}

/** Consecutive deaths of a slot's workers before they took up an object, after which the slot is not restarted. */
const MAX_FAILURES = 3;

/**
 * A pool of worker threads that read, gunzip and scan objects, so that every core works on the
 * bytes; only the rare root-related records come back to the calling thread, which keeps the one
 * detector (AssumeRoot sessions must be learnt across all objects). Each worker is given up to
 * `perWorker` objects at a time, so that it goes from one object to the next without waiting on
 * this thread; workers `prestartWorkers` started from `entry` are taken first.
 *
 * No object can hang or blind the scan. A worker that dies (`error`, `exit`), whose reply cannot
 * be read (`messageerror`), or whose object passes its time limit is ended and replaced. The
 * object at fault fails alone, with the reason (the scan reports it as unreadable): the one that
 * timed out, or the only one the worker had started. When it had started several, each is run
 * again alone on a worker of its own, which finds the one at fault. The objects queued to the dead
 * worker and not started are innocent: they are queued again. A slot whose workers die three times
 * in a row before finishing any object (a worker that cannot start) is retired; when every slot is
 * retired, the remaining objects fail.
 */
const workerPool = (count: number, options: PoolOptions): ObjectScanner => {
  const perWorker = options.perWorker ?? 2;
  const limits = options.limits ?? DEFAULT_READ_LIMITS;
  const timeoutMs = options.objectTimeoutMs ?? DEFAULT_OBJECT_TIMEOUT_SECONDS * 1000;
  const waiting: Task[] = [];
  const slots: Array<Slot | undefined> = [];
  let closing = false;
  let nextId = 0;

  const settle = (task: Task) => {
    if (task.timer) clearTimeout(task.timer);
    task.timer = undefined;
  };

  const fail = (slot: Slot, reason: string, culprit?: Task) => {
    if (!slot.alive) return;
    slot.alive = false;
    void slot.worker.terminate();
    const tasks = [...slot.tasks.values()];
    slot.tasks.clear();
    for (const task of tasks) settle(task);
    const started = tasks.filter((task) => task.started);
    const atFault = culprit ?? (started.length === 1 ? started[0] : undefined);
    for (const task of tasks) {
      if (task === atFault) task.reject(new Error(`the scan worker stopped on it: ${reason}`));
      else {
        task.started = false;
        task.suspect = task.suspect || (atFault === undefined && started.includes(task));
      }
    }
    // Innocent and suspect objects go first, in their order: they were listed before the waiting ones.
    waiting.unshift(...tasks.filter((task) => task !== atFault));
    // A worker that died before taking anything up may be one that cannot start: counted.
    const failures = started.length === 0 && !culprit ? slot.failures + 1 : 0;
    const index = slots.indexOf(slot);
    slots[index] = failures >= MAX_FAILURES || closing ? undefined : start(index, failures);
    if (slots.every((each) => each === undefined)) {
      for (const task of waiting.splice(0)) task.reject(new Error(`every scan worker failed: ${reason}`));
      return;
    }
    dispatch();
  };

  const onReply = (slot: Slot, reply: WorkerReply) => {
    const task = slot.tasks.get(reply.id);
    if (!task) return;
    if (reply.kind === 'started') {
      task.started = true;
      task.timer = setTimeout(
        () => fail(slot, `it took longer than ${timeoutMs / 1000} s (--object-timeout)`, task),
        timeoutMs,
      );
      return;
    }
    settle(task);
    slot.tasks.delete(reply.id);
    slot.failures = 0;
    let scan: ObjectScan;
    try {
      scan = fromWire(reply.scan);
    } catch (error) {
      task.reject(new Error(`its scan could not be read back: ${(error as Error).message}`));
      dispatch();
      return;
    }
    task.resolve(scan);
    dispatch();
  };

  const start = (index: number, failures = 0, ready?: Worker): Slot => {
    const worker = ready ?? new Worker(options.entry, SCAN_WORKER_OPTIONS);
    worker.ref();
    const slot: Slot = { worker, tasks: new Map(), alive: true, failures };
    worker.on('message', (reply: WorkerReply) => onReply(slot, reply));
    worker.on('messageerror', (error) => fail(slot, `its reply could not be read: ${error.message}`));
    worker.on('error', (error) => fail(slot, error.message || error.name));
    worker.on('exit', (code) => {
      if (!closing) fail(slot, `the worker exited (code ${code})`);
    });
    return slot;
  };

  const holdsSuspect = (slot: Slot): boolean => {
    for (const other of slot.tasks.values()) if (other.suspect) return true;
    return false;
  };

  /** Hands waiting objects to the least loaded workers; a suspect only to an idle worker, which then takes nothing else. */
  const dispatch = () => {
    while (waiting.length > 0) {
      const task = waiting[0]!;
      // The first of the least loaded open slots, without an array per call: this runs once per object.
      let slot: Slot | undefined;
      for (const each of slots) {
        if (each === undefined || !each.alive || holdsSuspect(each)) continue;
        if (task.suspect ? each.tasks.size > 0 : each.tasks.size >= perWorker) continue;
        if (slot === undefined || each.tasks.size < slot.tasks.size) slot = each;
      }
      if (slot === undefined) return;
      waiting.shift();
      slot.tasks.set(task.id, task);
      const request: WorkerRequest = { id: task.id, descriptor: task.descriptor, key: task.key, limits };
      slot.worker.postMessage(request);
    }
  };

  const ready = takePrestarted(count);
  for (let index = 0; index < count; index += 1) slots.push(start(index, 0, ready[index]));

  return {
    capacity: count * perWorker,
    scan: (descriptor, key) =>
      new Promise<ObjectScan>((resolve, reject) => {
        if (slots.every((slot) => slot === undefined)) {
          reject(new Error('every scan worker failed'));
          return;
        }
        waiting.push({ id: nextId++, descriptor, key, resolve, reject, started: false, suspect: false });
        dispatch();
      }),
    close: async () => {
      closing = true;
      const running = slots.filter((slot): slot is Slot => slot !== undefined);
      for (const slot of running) for (const task of slot.tasks.values()) settle(task);
      await Promise.all(running.map((slot) => slot.worker.terminate()));
    },
  };
};

export { workerPool };
export type { PoolOptions };
