import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The local checkout a clone was made from (`git clone /work/main …`), when its origin is a path. */
const originCheckout = (repoRoot: string): string | undefined => {
  try {
    const url = execFileSync('git', ['config', '--get', 'remote.origin.url'], {
      cwd: repoRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    if (url.startsWith('file://')) return fileURLToPath(url);
    return isAbsolute(url) ? url : undefined;
  } catch {
    return undefined;
  }
};

/**
 * The shared, read-only test material (`../shared`): `ROOTWATCH_SHARED_DIR` when set, else beside
 * the repository, else beside the local checkout it was cloned from (a clean clone in a temporary
 * folder, as CI makes one). Undefined when none exists.
 */
const findSharedDir = (repoRoot: string): string | undefined => {
  if (process.env.ROOTWATCH_SHARED_DIR) return process.env.ROOTWATCH_SHARED_DIR;
  const origin = originCheckout(repoRoot);
  return [join(repoRoot, '..', 'shared'), ...(origin ? [join(origin, '..', 'shared')] : [])].find((dir) =>
    existsSync(dir),
  );
};

export { findSharedDir };
