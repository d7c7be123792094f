import { localSource } from '../../scan/sources/local-source.ts';
import { walkObjects } from '../../scan/sources/walk.ts';

/**
 * The files behind one path: a file as given (whatever its name), a directory walked in sorted
 * order for JSON, JSON Lines and gzip files. `-` stands for stdin.
 */
const listFiles = async (path: string): Promise<string[]> => {
  if (path === '-') return [path];
  const files: string[] = [];
  for await (const object of walkObjects(localSource(), path)) files.push(object.key);
  return files;
};

export { listFiles };
