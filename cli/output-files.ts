import { mkdirSync, openSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * A file the command writes that cannot be written: one line naming it and why (`EACCES: permission
 * denied`), never a stack, and exit 2 (main.ts), never 1, which `--fail-on` means.
 */
const fileProblem = (what: string, file: string, error: unknown, hint = ''): Error => {
  // Node says `EACCES: permission denied, open '<file>'`: the file is named once, first.
  const reason = (error as Error).message.replace(/, \w+ '.*'$/, '');
  return new Error(`cannot write ${what} to ${file}: ${reason}${hint}`, { cause: error });
};

/** Writes `text` to `file`, or fails with one line (`what`: "the report", "the summary"). */
const writeOutputFile = async (what: string, file: string, text: string): Promise<void> => {
  try {
    await writeFile(file, text);
  } catch (error) {
    throw fileProblem(what, file, error);
  }
};

/**
 * Opens `file` for writing before the command starts its work (its folders created), so that a file
 * that cannot be written fails the command at once, with one line, rather than after the work or
 * with an unhandled stream error. Returns the file descriptor. `append`: keep what it holds.
 */
const openOutputFile = (what: string, file: string, { append = false, hint = '' } = {}): number => {
  try {
    mkdirSync(dirname(file), { recursive: true });
    return openSync(file, append ? 'a' : 'w');
  } catch (error) {
    throw fileProblem(what, file, error, hint);
  }
};

export { fileProblem, openOutputFile, writeOutputFile };
