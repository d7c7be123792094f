import { spawnSync } from 'node:child_process';

const checked = new Map<string, true>();

/**
 * Fails, with the fix, when the user `uid` cannot read `path` (the tests that run the package bin as
 * nobody, for files root could read anyway): a checkout inside a private folder (`mktemp -d` makes
 * one 0700, as is a home folder) would otherwise fail each of them with a misleading code.
 */
const assertReachableBy = (uid: number, path: string): void => {
  const key = `${uid}:${path}`;
  if (checked.has(key)) return;
  const probe = spawnSync(
    process.execPath,
    ['-e', 'require("node:fs").accessSync(process.argv[1], 4)', path],
    {
      uid,
      gid: uid,
      stdio: 'ignore',
    },
  );
  if (probe.status !== 0) {
    throw new Error(
      `${path} is not readable by uid ${uid}, which these tests run the bin as (root reads every file, so ` +
        'unreadable inputs are tested as nobody): make the checkout reachable by others, e.g. ' +
        '`chmod o+rx` on each folder above it (a `mktemp -d` folder is 0700)',
    );
  }
  checked.set(key, true);
};

export { assertReachableBy };
