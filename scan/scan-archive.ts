import { Detector } from '../detection/detector.ts';
import type { DetectorConfig } from '../schemas/detector-config.ts';
import type { Finding } from '../schemas/finding.ts';
import type { ScanInputs } from '../schemas/scan-summary.ts';
import type { ValidationIssue } from '../schemas/validation-issue.ts';
import { parseArchivePath } from './archive-path.ts';
import { BoundedQueue } from './bounded-queue.ts';
import type { InputItem, InputPosition } from './documents/input-item.ts';
import type { PathFilterOptions } from './path-filter.ts';
import { pathFilter } from './path-filter.ts';
import { recordFilter } from './record-filter.ts';
import type { ObjectSource } from './sources/object-source.ts';
import type { ListedObject } from './sources/walk.ts';
import { walkObjects } from './sources/walk.ts';
import type { ObjectScan } from './scan-object.ts';
import type { ObjectScanner } from './workers/object-scanner.ts';

/** One place to scan: a source and a folder or object key in it. */
interface ScanRoot {
  source: ObjectSource;
  key: string;
}

/** Live counts for a progress line; `listingDone` says whether the totals are final. */
interface ScanProgress {
  objectsListed: number;
  bytesListed: number;
  listingDone: boolean;
  objectsDone: number;
  bytesDone: number;
  bytesScanned: number;
  recordsParsed: number;
  findings: number;
  problems: number;
}

/** What the scan tells its caller as it goes. Findings come in no particular order. */
interface ScanListener {
  finding(finding: Finding, position: InputPosition): void;
  unreadable(position: InputPosition, reason: string): void;
  invalid(position: InputPosition, issues: readonly ValidationIssue[]): void;
  /** An object listed under an account folder, so that the fleet knows every account present. */
  archiveAccount?(account: string): void;
  ignored?(reason: string): void;
  outsideFilters?(finding: Finding): void;
  progress?(progress: Readonly<ScanProgress>): void;
}

interface ScanArchiveOptions {
  roots: readonly ScanRoot[];
  filters: PathFilterOptions;
  config: DetectorConfig;
  scanner: ObjectScanner;
  /** Objects listed ahead of the scan (memory bound; the ETA is known once the listing ends). */
  lookahead?: number;
}

/** Session-token findings may become `assumed-root` once a later object shows their AssumeRoot call. */
const mayBeAssumedRoot = (finding: Finding): boolean =>
  finding.credential === 'session-token' && finding.identityType === 'Root';

/**
 * Scans CloudTrail archives for root activity: lists the roots folder by folder (pruning by path),
 * has the `scanner` read and prefilter each object (worker threads, or inline), and runs the one
 * detector on the root-related records that come back, so that AssumeRoot sessions are learnt
 * across objects. Findings stream out as found, except the few session-token ones that an AssumeRoot
 * call seen later could turn into `assumed-root`: those wait for the end. Memory is bounded by the
 * lookahead, the objects in flight and those held findings, never by the archive's size.
 * Read problems are reported and counted, and never stop the scan.
 */
const scanArchive = async (options: ScanArchiveOptions, listener: ScanListener): Promise<ScanInputs> => {
  const keep = pathFilter(options.filters);
  const passes = recordFilter(options.filters);
  const detector = new Detector(options.config);
  const inputs: ScanInputs = {
    objectsListed: 0,
    objectsScanned: 0,
    objectsWithMarker: 0,
    objectsPruned: 0,
    foldersPruned: 0,
    bytesStored: 0,
    bytesScanned: 0,
    recordsParsed: 0,
    unreadable: 0,
    invalidRecords: 0,
  };
  const progress: ScanProgress = {
    objectsListed: 0,
    bytesListed: 0,
    listingDone: false,
    objectsDone: 0,
    bytesDone: 0,
    bytesScanned: 0,
    recordsParsed: 0,
    findings: 0,
    problems: 0,
  };
  const held: Array<{ value: unknown; position: InputPosition }> = [];

  const emit = (finding: Finding, position: InputPosition): void => {
    if (!passes(finding)) {
      listener.outsideFilters?.(finding);
      return;
    }
    progress.findings += 1;
    listener.finding(finding, position);
  };
  const detect = (item: InputItem, final: boolean): void => {
    if (item.kind === 'unreadable') {
      inputs.unreadable += 1;
      progress.problems += 1;
      listener.unreadable(item.position, item.reason);
      return;
    }
    const detection = detector.detect(item.value);
    if (detection.kind === 'invalid') {
      inputs.invalidRecords += 1;
      progress.problems += 1;
      listener.invalid(item.position, detection.issues);
    } else if (detection.kind === 'ignored') listener.ignored?.(detection.reason);
    else if (!final && mayBeAssumedRoot(detection.finding))
      held.push({ value: item.value, position: item.position });
    else emit(detection.finding, item.position);
  };

  type Listed = ListedObject & { root: ScanRoot };
  const queue = new BoundedQueue<Listed | { root: ScanRoot; error: Error }>(options.lookahead ?? 10_000);
  const listing = (async () => {
    for (const root of options.roots) {
      const onPruned = (kind: 'folder' | 'object') => {
        if (kind === 'folder') inputs.foldersPruned += 1;
        else inputs.objectsPruned += 1;
      };
      try {
        for await (const object of walkObjects(root.source, root.key, keep, onPruned)) {
          inputs.objectsListed += 1;
          progress.objectsListed += 1;
          progress.bytesListed += object.size ?? 0;
          const account = parseArchivePath(object.key)?.account;
          if (account) listener.archiveAccount?.(account);
          await queue.push({ ...object, root });
        }
      } catch (error) {
        await queue.push({ root, error: error as Error });
      }
    }
    progress.listingDone = true;
    queue.close();
  })();

  const inFlight = new Set<Promise<void>>();
  for await (const next of queue) {
    if ('error' in next) {
      detect(
        {
          kind: 'unreadable',
          position: { file: next.root.source.locate(next.root.key) },
          reason: next.error.message,
        },
        true,
      );
      continue;
    }
    while (inFlight.size >= options.scanner.capacity) await Promise.race(inFlight);
    const location = next.root.source.locate(next.key);
    const scanned = options.scanner
      .scan(next.root.source.descriptor, next.key)
      .catch((error: Error): ObjectScan => ({
        stored: 0,
        bytes: 0,
        marked: false,
        parsed: 0,
        items: [
          { kind: 'unreadable', position: { file: location }, reason: `scan failed: ${error.message}` },
        ],
      }));
    const task = scanned.then((scan) => {
      inputs.objectsScanned += 1;
      inputs.bytesStored += scan.stored;
      inputs.bytesScanned += scan.bytes;
      inputs.recordsParsed += scan.parsed;
      if (scan.marked) inputs.objectsWithMarker += 1;
      progress.objectsDone += 1;
      progress.bytesDone += scan.stored;
      progress.bytesScanned += scan.bytes;
      progress.recordsParsed += scan.parsed;
      for (const item of scan.items) detect(item, false);
      listener.progress?.(progress);
      inFlight.delete(task);
    });
    inFlight.add(task);
  }
  await Promise.all(inFlight);
  await listing;
  for (const { value, position } of held) detect({ kind: 'value', position, value }, true);
  listener.progress?.(progress);
  return inputs;
};

export { scanArchive };
export type { ScanRoot, ScanProgress, ScanListener, ScanArchiveOptions };
