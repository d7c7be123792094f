import { readdirSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { normalize, sep } from 'node:path';
import type { ObjectSource, SourceEntry } from './object-source.ts';

/**
 * A local file tree: keys are paths as given, folders are listed in sorted order, without a stat
 * per file (sizes come from the reads). Reads are synchronous: they run on a worker thread of their
 * own, where the promise API's open/stat/read/close round trips cost more than the read.
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
    for (const entry of entries) {
      const key = `${prefix}${entry.name}`;
      if (entry.isDirectory()) yield { kind: 'folder', key };
      else yield { kind: 'object', key };
    }
  },
  async stat(key): Promise<SourceEntry> {
    const info = await stat(key);
    // A folder's key is normalised once here; the listing then joins names to it as they are.
    return info.isDirectory()
      ? { kind: 'folder', key: normalize(key) }
      : { kind: 'object', key, size: info.size };
  },
  read: async (key) => readFileSync(key),
  locate: (key) => key,
});

export { localSource };
