import type { InputItem } from '../../scan/documents/input-item.ts';
import type { ReadLimits } from '../../scan/documents/read-limits.ts';
import { DEFAULT_READ_LIMITS } from '../../scan/documents/read-limits.ts';
import { splitDocuments } from '../../scan/documents/split-documents.ts';
import { readTextFiles } from './read-text-files.ts';

/** Every item of every input; a path or file that cannot be read becomes one `unreadable` item. */
async function* readItems(
  paths: readonly string[],
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): AsyncGenerator<InputItem> {
  for await (const entry of readTextFiles(paths, limits)) {
    if (entry.kind === 'unreadable')
      yield { kind: 'unreadable', position: { file: entry.file }, reason: entry.reason };
    else yield* splitDocuments(entry.text, entry.file, entry.cut);
  }
}

export { readItems };
