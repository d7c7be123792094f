/** What each command reads inside folders (cli/input/list-files.ts, read-credential-reports.ts). */
const READ_IN_FOLDERS = {
  classify: '.json, .jsonl, .ndjson or .gz files',
  replay: '.json, .jsonl, .ndjson or .gz files',
  audit: '.csv, .json or .gz files',
} as const;

const WHAT = {
  classify: 'CloudTrail record',
  replay: 'CloudTrail record',
  audit: 'credential report',
} as const;

/**
 * The one line for a path that gave a command nothing to read: an empty folder, a folder of other
 * files, a log file with no records. Nothing read is no all-clear: the command exits 2.
 */
const nothingReadLine = (command: keyof typeof WHAT, path: string): string =>
  `rootwatch ${command}: ${path}: no ${WHAT[command]} in it (a folder is read for ${READ_IN_FOLDERS[command]}, ` +
  'below it too); check the path';

export { nothingReadLine };
