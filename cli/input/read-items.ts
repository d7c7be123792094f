import type { InputItem } from '../../scan/documents/input-item.ts';
import { cutNotice } from '../../scan/documents/object-text.ts';
import type { ReadLimits } from '../../scan/documents/read-limits.ts';
import { DEFAULT_READ_LIMITS } from '../../scan/documents/read-limits.ts';
import { splitDocuments } from '../../scan/documents/split-documents.ts';
import { engineExportItems, isEngineExport } from './engine-export.ts';
import { readTextFiles } from './read-text-files.ts';

/** Enough of a text's start to tell an engine export by (its first row, or its header). */
const HEAD_BYTES = 4096;

/**
 * Every item of every input; a path or file that cannot be read becomes one `unreadable` item.
 * The results of `rootwatch sql` exported from the engine (CSV with a `record` column) are read
 * by their records (cli/input/engine-export.ts).
 */
async function* readItems(
  paths: readonly string[],
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): AsyncGenerator<InputItem> {
  for await (const entry of readTextFiles(paths, limits)) {
    if (entry.kind === 'unreadable')
      yield { kind: 'unreadable', position: { file: entry.file }, reason: entry.reason };
    else if (isEngineExport(entry.text.toString('utf8', 0, HEAD_BYTES))) {
      yield* engineExportItems(entry.text.toString('utf8'), entry.file);
      if (entry.cut !== undefined)
        yield { kind: 'unreadable', position: { file: entry.file }, reason: cutNotice(entry.cut) };
    } else yield* splitDocuments(entry.text, entry.file, entry.cut);
  }
}

export { readItems };
