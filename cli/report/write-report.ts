import { writeFile } from 'node:fs/promises';

/**
 * Writes a report page to `--report FILE`, after the command's normal output: a file that cannot be
 * written fails the command (exit 2) with one line naming it and why, never with a stack.
 */
const writeReport = async (file: string, page: string): Promise<void> => {
  try {
    await writeFile(file, page);
  } catch (error) {
    // Node says `ENOENT: no such file or directory, open '<file>'`: the file is named once, first.
    const reason = (error as Error).message.replace(/, \w+ '.*'$/, '');
    throw new Error(`cannot write the report to ${file}: ${reason}`, { cause: error });
  }
};

export { writeReport };
