import type { ReadLimits } from '../../scan/documents/read-limits.ts';
import { DEFAULT_READ_LIMITS } from '../../scan/documents/read-limits.ts';
import { objectText } from '../../scan/documents/object-text.ts';
import { localSource } from '../../scan/sources/local-source.ts';
import { readRegularFile } from '../../scan/sources/read-file.ts';
import { readCapped } from '../../scan/sources/read-stream.ts';
import { INPUT_FILE, isWalkProblem, walkObjects } from '../../scan/sources/walk.ts';

/**
 * One file's text (bytes, gunzipped, without a BOM; `cut` when a truncated gzip gave only a
 * prefix), or why a path or file could not be read.
 */
type TextFile =
  | { kind: 'text'; file: string; text: Buffer; cut?: string }
  | { kind: 'unreadable'; file: string; reason: string };

const fromBytes = (file: string, raw: Buffer, limits: ReadLimits): TextFile => {
  const read = objectText(raw, limits);
  return read.kind === 'failed'
    ? { kind: 'unreadable', file, reason: read.reason }
    : { kind: 'text', file, text: read.text, ...(read.cut !== undefined && { cut: read.cut }) };
};

/**
 * The text of every file behind the paths (`-` for stdin, a file whatever its name, or the
 * `wanted` files of a directory, in order), through the readers `scan` uses: the same walk (one
 * bad entry never loses the rest), regular files only, the same size limit and bytes-to-text
 * step. Anything that cannot be read becomes one `unreadable` entry, and the others go on.
 */
async function* readTextFiles(
  paths: readonly string[],
  limits: ReadLimits = DEFAULT_READ_LIMITS,
  wanted: RegExp = INPUT_FILE,
): AsyncGenerator<TextFile> {
  const local = localSource();
  for (const path of paths) {
    if (path === '-') {
      try {
        yield fromBytes(path, await readCapped(process.stdin, limits, () => process.stdin.destroy()), limits);
      } catch (error) {
        yield { kind: 'unreadable', file: path, reason: (error as Error).message };
      }
      continue;
    }
    for await (const entry of walkObjects(local, path, undefined, undefined, wanted)) {
      if (isWalkProblem(entry)) {
        yield { kind: 'unreadable', file: entry.key, reason: entry.problem };
        continue;
      }
      let raw: Buffer;
      try {
        raw = readRegularFile(entry.key, limits);
      } catch (error) {
        yield { kind: 'unreadable', file: entry.key, reason: (error as Error).message };
        continue;
      }
      yield fromBytes(entry.key, raw, limits);
    }
  }
}

export { readTextFiles };
export type { TextFile };
