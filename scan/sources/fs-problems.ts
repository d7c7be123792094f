import { lstatSync } from 'node:fs';

/** What a path given that does not exist is called; the command line prints it as `rootwatch CMD: … : PATH`. */
const MISSING_PATH = 'no such file or directory';

/** Plain words for the file system's errors, each with what to do (Node's own name them by code and system call). */
const ERRNO_WORDS: Record<string, string> = {
  ENOENT: MISSING_PATH,
  ENOTDIR: `${MISSING_PATH} (a part of the path is not a folder)`,
  EACCES: 'permission denied (check its permissions, or run as a user who may read it)',
  EPERM: 'permission denied (check its permissions, or run as a user who may read it)',
  ELOOP: 'symbolic link loop: the link leads back to itself (fix or remove the link)',
  ENAMETOOLONG: 'path too long',
  EMFILE: 'too many open files (raise the limit: ulimit -n)',
  ENFILE: 'too many open files on this system',
  EIO: 'input/output error (a failing disk or network file system?)',
};

const isDanglingLink = (path: string): boolean => {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
};

/**
 * Why `path` could not be read or listed, in one line without Node's codes and system calls: a
 * file system error in plain words (a dangling symbolic link told apart from a missing path), any
 * other error by its message.
 */
const describeReadError = (error: unknown, path?: string): string => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' && path !== undefined && isDanglingLink(path))
    return 'dangling symbolic link: its target does not exist (fix or remove the link)';
  return (code && ERRNO_WORDS[code]) || (error as Error).message || (error as Error).name || String(error);
};

export { MISSING_PATH, describeReadError };
