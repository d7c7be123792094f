import type { InputItem } from '../../scan/documents/input-item.ts';
import { splitDocuments } from '../../scan/documents/split-documents.ts';
import { engineExportItems, isEngineExport } from './engine-export.ts';
import { readTextFiles } from './read-text-files.ts';

/**
 * Every item of every input; a path or file that cannot be read becomes one `unreadable` item.
 * The results of `rootwatch sql` exported from the engine (CSV with a `record` column) are read
 * by their records (cli/input/engine-export.ts).
 */
async function* readItems(paths: readonly string[]): AsyncGenerator<InputItem> {
  for await (const entry of readTextFiles(paths)) {
    if (entry.kind === 'unreadable')
      yield { kind: 'unreadable', position: { file: entry.file }, reason: entry.reason };
    else if (isEngineExport(entry.text)) yield* engineExportItems(entry.text, entry.file);
    else yield* splitDocuments(entry.text, entry.file);
  }
}

export { readItems };
