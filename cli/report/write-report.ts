import { writeOutputFile } from '../output-files.ts';

/**
 * Writes a report page to `--report FILE`, after the command's normal output: a file that cannot be
 * written fails the command (exit 2) with one line naming it and why, never with a stack.
 */
const writeReport = (file: string, page: string): Promise<void> => writeOutputFile('the report', file, page);

export { writeReport };
