import type { ObjectSource } from './object-source.ts';

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
  const walk = async function* (folder: string): AsyncGenerator<ListedObject> {
    for await (const child of source.list(folder)) {
      if (child.kind === 'object' && !INPUT_FILE.test(child.key)) continue;
      if (!keep(child.key)) {
        onPruned(child.kind, child.key);
        continue;
      }
      if (child.kind === 'folder') yield* walk(child.key);
      else yield child;
    }
  };
  yield* walk(entry.key);
}

export { walkObjects, INPUT_FILE };
export type { ListedObject };
