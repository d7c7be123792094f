import { listFiles } from './list-files.ts';
import { readBytes } from './read-bytes.ts';

/** One file's text, or why a path or file could not be read. */
type TextFile =
  { kind: 'text'; file: string; text: string } | { kind: 'unreadable'; file: string; reason: string };

/**
 * The text of every file behind the paths (a file, or the `wanted` files of a directory, in
 * order), gunzipped when gzipped; a path that cannot be listed or a file that cannot be read
 * becomes one `unreadable` entry, and the others go on.
 */
async function* readTextFiles(paths: readonly string[], wanted?: RegExp): AsyncGenerator<TextFile> {
  for (const path of paths) {
    let files: string[];
    try {
      files = await listFiles(path, wanted);
    } catch (error) {
      yield { kind: 'unreadable', file: path, reason: (error as Error).message };
      continue;
    }
    for (const file of files) {
      try {
        yield { kind: 'text', file, text: (await readBytes(file)).toString('utf8') };
      } catch (error) {
        yield { kind: 'unreadable', file, reason: (error as Error).message };
      }
    }
  }
}

export { readTextFiles };
export type { TextFile };
