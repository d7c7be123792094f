import type { ObjectSource, SourceEntry } from './object-source.ts';

/** The names read inside folders, as `classify` reads them: JSON, JSON Lines and gzip (CloudTrail writes `.json.gz`). */
const INPUT_FILE = /\.(json|jsonl|ndjson)(\.gz)?$|\.gz$/;

/** An object to scan, as listed: its key, and its stored size when the listing tells it. */
interface ListedObject {
  key: string;
  size?: number | undefined;
}

/**
 * Every object under `root`, depth first in listed (sorted) order. A root that is an object is
 * scanned whatever its name; inside folders only input files are. `keep` prunes folders before
 * they are listed and objects before they are read; `onPruned` hears of each.
 */
async function* walkObjects(
  source: ObjectSource,
  root: string,
  keep: (key: string) => boolean = () => true,
  onPruned: (kind: 'folder' | 'object', key: string) => void = () => {},
): AsyncGenerator<ListedObject> {
  const entry = await source.stat(root);
  if (entry.kind === 'object') {
    yield entry;
    return;
  }
  // The folders being listed, innermost last: one generator for the whole tree, since delegating
  // through one per level (`yield*`) cost every object a promise and a result at each level.
  const open: AsyncIterator<SourceEntry>[] = [source.list(entry.key)[Symbol.asyncIterator]()];
  try {
    while (open.length > 0) {
      const next = await open[open.length - 1]!.next();
      if (next.done) {
        open.pop();
        continue;
      }
      const child = next.value;
      if (child.kind === 'object' && !INPUT_FILE.test(child.key)) continue;
      if (!keep(child.key)) {
        onPruned(child.kind, child.key);
        continue;
      }
      if (child.kind === 'folder') open.push(source.list(child.key)[Symbol.asyncIterator]());
      else yield child;
    }
  } finally {
    // The caller stopped early: listings still open are closed (an S3 paginator, a folder handle).
    for (const listing of open.reverse()) await listing.return?.();
  }
}

export { walkObjects, INPUT_FILE };
export type { ListedObject };
