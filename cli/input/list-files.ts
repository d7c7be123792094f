import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

const INPUT_FILE = /\.(json|jsonl|ndjson)(\.gz)?$|\.gz$/;

/**
 * The files behind one path: a file as given (whatever its name), a directory walked in sorted
 * order for JSON, JSON Lines and gzip files. `-` stands for stdin.
 */
const listFiles = async (path: string): Promise<string[]> => {
  if (path === '-') return [path];
  const files: string[] = [];
  const walk = async (current: string, explicit: boolean): Promise<void> => {
    const info = await stat(current);
    if (!info.isDirectory()) {
      if (explicit || INPUT_FILE.test(current)) files.push(current);
      return;
    }
    for (const entry of (await readdir(current)).sort()) await walk(join(current, entry), false);
  };
  await walk(path, true);
  return files;
};

export { listFiles };
