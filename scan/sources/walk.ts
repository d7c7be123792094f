import type { ObjectSource, SourceEntry } from './object-source.ts';
import { describeReadError } from './fs-problems.ts';

/** The names read inside folders, as `classify` reads them: JSON, JSON Lines and gzip (CloudTrail writes `.json.gz`). */
const INPUT_FILE = /\.(json|jsonl|ndjson)(\.gz)?$|\.gz$/;

/** An object to scan, as listed: its key, and its stored size when the listing tells it. */
interface ListedObject {
  key: string;
  size?: number | undefined;
}

/** A path or folder entry that was not read (missing, unreadable, a listing that failed, a skipped link), and why. */
interface WalkProblem {
  key: string;
  problem: string;
}

/**
 * Every object under `root`, depth first in listed (sorted) order. A root that is an object is
 * scanned whatever its name; inside folders only the `wanted` names are (input files by default).
 * `keep` prunes folders before they are listed and objects before they are read; `onPruned` hears
 * of each. One bad entry never loses the rest: a root that cannot be found, a folder whose listing
 * fails (unreadable, or an S3 page that still fails after the client's retries) and a skipped
 * entry are each yielded as a `WalkProblem`, and the walk goes on with the next entry.
 */
async function* walkObjects(
  source: ObjectSource,
  root: string,
  keep: (key: string) => boolean = () => true,
  onPruned: (kind: 'folder' | 'object', key: string) => void = () => {},
  wanted: RegExp = INPUT_FILE,
): AsyncGenerator<ListedObject | WalkProblem> {
  let entry: SourceEntry;
  try {
    entry = await source.stat(root);
  } catch (error) {
    yield { key: root, problem: describeReadError(error) };
    return;
  }
  if (entry.kind !== 'folder') {
    yield entry.kind === 'object' ? entry : { key: entry.key, problem: entry.reason };
    return;
  }
  // The folders being listed, innermost last: one generator for the whole tree, since delegating
  // through one per level (`yield*`) cost every object a promise and a result at each level.
  const open: Array<{ folder: string; listing: AsyncIterator<SourceEntry> }> = [];
  const push = (folder: string) =>
    open.push({ folder, listing: source.list(folder)[Symbol.asyncIterator]() });
  push(entry.key);
  try {
    while (open.length > 0) {
      const { folder, listing } = open[open.length - 1]!;
      let next: IteratorResult<SourceEntry>;
      try {
        next = await listing.next();
      } catch (error) {
        // A listing that threw is finished: it is reported, and its parent's listing goes on.
        open.pop();
        yield { key: folder, problem: `cannot list this folder: ${describeReadError(error)}` };
        continue;
      }
      if (next.done) {
        open.pop();
        continue;
      }
      const child = next.value;
      if (child.kind === 'object' && !wanted.test(child.key)) continue;
      if (!keep(child.key)) {
        onPruned(child.kind === 'object' ? 'object' : 'folder', child.key);
        continue;
      }
      if (child.kind === 'folder') push(child.key);
      else yield child.kind === 'object' ? child : { key: child.key, problem: child.reason };
    }
  } finally {
    // The caller stopped early: listings still open are closed (an S3 paginator, a folder handle).
    for (const { listing } of open.reverse()) await listing.return?.();
  }
}

/** Whether a walk's entry is a problem rather than an object to read. */
const isWalkProblem = (entry: ListedObject | WalkProblem): entry is WalkProblem => 'problem' in entry;

export { walkObjects, isWalkProblem, INPUT_FILE };
export type { ListedObject, WalkProblem };
