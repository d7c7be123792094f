import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ObjectSource, SourceEntry } from './object-source.ts';

/** A local file tree: keys are paths as given, folders are listed in sorted order. */
const localSource = (): ObjectSource => ({
  descriptor: { kind: 'local' },
  async *list(folder) {
    const entries = await readdir(folder, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const key = join(folder, entry.name);
      if (entry.isDirectory()) yield { kind: 'folder', key };
      else yield { kind: 'object', key, size: (await stat(key)).size };
    }
  },
  async stat(key): Promise<SourceEntry> {
    const info = await stat(key);
    return info.isDirectory() ? { kind: 'folder', key } : { kind: 'object', key, size: info.size };
  },
  read: (key) => readFile(key),
  locate: (key) => key,
});

export { localSource };
