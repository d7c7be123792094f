import type { InputItem } from '../../scan/documents/input-item.ts';
import { listFiles } from './list-files.ts';
import { readBytes } from './read-bytes.ts';
import { splitDocuments } from '../../scan/documents/split-documents.ts';

const unreadable = (file: string, error: unknown): InputItem => ({
  kind: 'unreadable',
  position: { file },
  reason: (error as Error).message,
});

/** Every item of every input; a path or file that cannot be read becomes one `unreadable` item. */
async function* readItems(paths: readonly string[]): AsyncGenerator<InputItem> {
  for (const path of paths) {
    let files: string[];
    try {
      files = await listFiles(path);
    } catch (error) {
      yield unreadable(path, error);
      continue;
    }
    for (const file of files) {
      let text: string;
      try {
        text = (await readBytes(file)).toString('utf8');
      } catch (error) {
        yield unreadable(file, error);
        continue;
      }
      yield* splitDocuments(text, file);
    }
  }
}

export { readItems };
