import type { ScanInputs } from '../schemas/scan-summary.ts';
import type { ArchiveDetector, DetectorContext } from './archive-detector.ts';
import { archivePathParser, deliveryDays } from './archive-path.ts';
import { BoundedQueue } from './bounded-queue.ts';
import type { InputItem } from './documents/input-item.ts';
import type { PathFilterOptions } from './path-filter.ts';
import { pathFilter } from './path-filter.ts';
import { countScanned, emptyInputs, emptyProgress } from './scan-counters.ts';
import type { ScanListener, ScanProgress } from './scan-listener.ts';
import type { ObjectScan } from './scan-object.ts';
import type { ObjectSource } from './sources/object-source.ts';
import type { ListedObject, WalkProblem } from './sources/walk.ts';
import { isWalkProblem, walkObjects } from './sources/walk.ts';
import type { ObjectScanner } from './workers/object-scanner.ts';

/** One place to scan: a source and a folder, prefix or object key in it. */
interface ScanRoot {
  source: ObjectSource;
  key: string;
}

interface ScanArchiveOptions {
  roots: readonly ScanRoot[];
  filters: PathFilterOptions;
  /**
   * Makes the scan's one detector (`archiveDetector(config, filters)`). It may be asynchronous: the
   * CLI loads the detector while the first objects are read, and their records wait for it.
   */
  detector: (context: DetectorContext) => ArchiveDetector | Promise<ArchiveDetector>;
  scanner: ObjectScanner;
  /** Objects listed ahead of the scan (memory bound; the ETA is known once the listing ends). */
  lookahead?: number;
}

type Listed = (ListedObject & { root: ScanRoot }) | { root: ScanRoot; problem: WalkProblem };

/**
 * Listed objects between two turns of the event loop. A local listing never waits on I/O (it
 * reads folders synchronously), so without a turn it runs to its lookahead in microtasks alone,
 * and the workers' replies (macrotasks) wait behind it: the workers idle once their queued
 * objects are done (a 4 GB scan took 5.60 s against 5.41 s with the turns, docs/speed.md).
 */
const YIELD_EVERY = 16;

/** What an object that could not be scanned at all (a worker died) reports. */
const failedScan = (location: string, error: Error): ObjectScan => ({
  stored: 0,
  bytes: 0,
  marked: false,
  parsed: 0,
  items: [{ kind: 'unreadable', position: { file: location }, reason: `scan failed: ${error.message}` }],
});

/**
 * Scans CloudTrail archives for root activity: lists the roots (pruning folders and keys by their
 * path), has the `scanner` read and prefilter each object (worker threads, or this thread), and
 * runs the one `ArchiveDetector` on the root-related records that come back. Memory is bounded by
 * the lookahead, the objects in flight and the few held findings, never by the archive's size.
 * Read problems (an object, a folder that cannot be listed, a missing root) are reported and
 * counted, and never stop the scan. This is the core that the CLI
 * adapts; a scheduled function can call it with an S3 source and the in-thread scanner.
 */
const scanArchive = async (options: ScanArchiveOptions, listener: ScanListener): Promise<ScanInputs> => {
  const keep = pathFilter(options.filters);
  const inputs = emptyInputs();
  const progress = emptyProgress();
  const detector = Promise.resolve(options.detector({ listener, inputs, progress }));
  // A detector that fails to load fails the scan where it is awaited, not as an unhandled rejection.
  detector.catch(() => {});
  // Records are detected in arrival order, once the detector is there; objects go on meanwhile.
  let detected: Promise<void> = Promise.resolve();
  const detect = (items: readonly InputItem[]) => {
    detected = detected.then(async () => {
      const ready = await detector;
      for (const item of items) ready.take(item);
    });
  };

  const queue = new BoundedQueue<Listed>(options.lookahead ?? 10_000);
  const onPruned = (kind: 'folder' | 'object') => {
    if (kind === 'folder') inputs.foldersPruned += 1;
    else inputs.objectsPruned += 1;
  };
  const archivePath = archivePathParser();
  let sinceYield = 0;
  const listing = (async () => {
    for (const root of options.roots) {
      const before = {
        listed: inputs.objectsListed,
        folders: inputs.foldersPruned,
        objects: inputs.objectsPruned,
      };
      // A root the walk could not read is reported as such, not also as empty.
      let walkProblems = 0;
      try {
        for await (const object of walkObjects(root.source, root.key, keep, onPruned)) {
          if (isWalkProblem(object)) {
            walkProblems += 1;
            await queue.push({ root, problem: object });
            continue;
          }
          inputs.objectsListed += 1;
          progress.objectsListed += 1;
          progress.bytesListed += object.size ?? 0;
          const path = archivePath(object.key);
          if (path?.account)
            listener.archiveAccount?.(
              path.account,
              path.day === undefined ? undefined : deliveryDays(path)?.[0],
            );
          await queue.push({ ...object, root });
          if (++sinceYield >= YIELD_EVERY) {
            sinceYield = 0;
            await new Promise((resolve) => setImmediate(resolve));
          }
        }
        if (inputs.objectsListed === before.listed && walkProblems === 0) {
          listener.emptyRoot?.(root.source.locate(root.key), {
            folders: inputs.foldersPruned - before.folders,
            objects: inputs.objectsPruned - before.objects,
          });
        }
      } catch (error) {
        await queue.push({ root, problem: { key: root.key, problem: (error as Error).message } });
      }
    }
    progress.listingDone = true;
    queue.close();
  })();

  // Objects in flight, and a wake-up for the loop when one lands (not `Promise.race` over all of them:
  // that adds a reaction to every pending scan at each wait, which a deep worker queue multiplies).
  const inFlight = new Set<Promise<void>>();
  let landed: (() => void) | undefined;
  for await (const next of queue) {
    const { source } = next.root;
    if ('problem' in next) {
      const { key, problem } = next.problem;
      detect([{ kind: 'unreadable', position: { file: source.locate(key) }, reason: problem }]);
      continue;
    }
    while (inFlight.size >= options.scanner.capacity)
      await new Promise<void>((resolve) => (landed = resolve));
    const task = options.scanner
      .scan(source.descriptor, next.key)
      .catch((error: Error) => failedScan(source.locate(next.key), error))
      .then((scan) => {
        countScanned(inputs, progress, scan);
        if (scan.items.length > 0) detect(scan.items);
        listener.progress?.(progress);
        inFlight.delete(task);
        landed?.();
        landed = undefined;
      });
    inFlight.add(task);
  }
  await Promise.all(inFlight);
  await listing;
  await detected;
  (await detector).finish();
  listener.progress?.(progress);
  return inputs;
};

export { scanArchive };
export type { ScanRoot, ScanArchiveOptions, ScanListener, ScanProgress };
