import type { InputItem } from '../../scan/documents/input-item.ts';
import { splitDocuments } from '../../scan/documents/split-documents.ts';
import { readTextFiles } from './read-text-files.ts';

/** Every item of every input; a path or file that cannot be read becomes one `unreadable` item. */
async function* readItems(paths: readonly string[]): AsyncGenerator<InputItem> {
  for await (const entry of readTextFiles(paths)) {
    if (entry.kind === 'unreadable')
      yield { kind: 'unreadable', position: { file: entry.file }, reason: entry.reason };
    else yield* splitDocuments(entry.text, entry.file);
  }
}

export { readItems };
