import { readdirSync, statSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { stat } from 'node:fs/promises';
import { normalize, sep } from 'node:path';
import type { ObjectSource, SourceEntry } from './object-source.ts';
import { readRegularFile } from './read-file.ts';

/** A symbolic link to a folder is not followed (a loop, or a second path to the same files); anything else is read as an object. */
const linkEntry = (key: string): SourceEntry => {
  try {
    if (statSync(key).isDirectory())
      return {
        kind: 'skipped',
        key,
        reason: 'symbolic link to a folder: not followed (name its target on the command line to read it)',
      };
  } catch {
    // Dangling, or a loop: the read says which, if its name is one that is read.
  }
  return { kind: 'object', key };
};

const entryOf = (entry: Dirent, key: string): SourceEntry =>
  entry.isDirectory()
    ? { kind: 'folder', key }
    : entry.isSymbolicLink()
      ? linkEntry(key)
      : { kind: 'object', key };

/**
 * A local file tree: keys are paths as given, folders are listed in sorted order, without a stat
 * per file (sizes come from the reads; only symbolic links are stat'ed). Reads are synchronous:
 * they run on a worker thread of their own, where the promise API's open/stat/read/close round
 * trips cost more than the read. Only regular files are read (`readRegularFile`).
 */
const localSource = (): ObjectSource => ({
  descriptor: { kind: 'local' },
  async *list(folder) {
    // Synchronous: a CloudTrail tree has a folder per account, region and day, and the promise API's
    // round trip per folder cost more than the listing itself.
    const entries = readdirSync(folder, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // Joined by hand: `join` normalises the whole path again for every entry of every folder.
    const prefix = folder.endsWith(sep) ? folder : `${folder}${sep}`;
    for (const entry of entries) yield entryOf(entry, `${prefix}${entry.name}`);
  },
  async stat(key): Promise<SourceEntry> {
    const info = await stat(key);
    // A folder's key is normalised once here; the listing then joins names to it as they are.
    return info.isDirectory()
      ? { kind: 'folder', key: normalize(key) }
      : { kind: 'object', key, size: info.size };
  },
  read: async (key, limits, into) => readRegularFile(key, limits, into),
  locate: (key) => key,
});

export { localSource };
