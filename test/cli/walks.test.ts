import { chmodSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FindingSchema } from '../../schemas/finding.ts';
import { rootRecord, scratchDir, writeLogFile } from '../helpers/archive.ts';
import { NOBODY, RUNS_AS_ROOT, runCli } from '../helpers/run-cli.ts';

// One bad entry never loses a directory (issue 15): classify once rejected the whole walk (0 of 3
// findings), and scan stopped it silently (a root finding in a later folder never reported).

const record = (id: string) =>
  rootRecord('access-key/root-access-key-put-bucket-policy.json', {
    eventID: id,
    eventTime: '2025-03-01T12:00:00Z',
    account: '111122223333',
  });

/** A folder with findings before and after the bad entry, in listing order: a/, the entry, z/, and a file at the top. */
const treeWith = (bad: { name: string; make(path: string): void }) => {
  const dir = scratchDir('walk');
  writeLogFile(join(dir, 'a', 'first.json.gz'), [record('in-a')]);
  writeLogFile(join(dir, 'z', 'last.json.gz'), [record('in-z')]);
  writeLogFile(join(dir, 'top.json.gz'), [record('at-top')]);
  bad.make(join(dir, bad.name));
  return { dir, bad: join(dir, bad.name) };
};

const ENTRIES = [
  {
    entry: 'a dangling symbolic link',
    name: 'm-dangling.json',
    make: (path: string) => symlinkSync(`${path}.gone`, path),
    reason: 'dangling symbolic link: its target does not exist (fix or remove the link)',
  },
  {
    entry: 'a symbolic link loop',
    name: 'm-loop.json',
    make: (path: string) => symlinkSync(path, path),
    reason: 'symbolic link loop: the link leads back to itself (fix or remove the link)',
  },
  {
    entry: 'a folder its user may not list',
    name: 'm-locked',
    make: (path: string) => {
      writeLogFile(join(path, 'hidden.json.gz'), [record('hidden')]);
      chmodSync(path, 0o000);
    },
    reason:
      'cannot list this folder: permission denied (check its permissions, or run as a user who may read it)',
    unprivileged: true,
  },
];

describe('CLI: walks go on past a bad entry', () => {
  it.each(ENTRIES.flatMap((entry) => ['classify', 'scan'].map((command) => ({ ...entry, command }))))(
    '$command reports $entry, reads the rest of the folder, and exits 2',
    async ({ command, name, make, reason, unprivileged }) => {
      // Prepare
      const { dir, bad } = treeWith({ name, make });
      const asNobody = Boolean(unprivileged && RUNS_AS_ROOT);
      if (asNobody) chmodSync(dir, 0o755);
      const argv =
        command === 'scan' ? ['scan', '--json', '--summary', '/dev/null', dir] : ['classify', '--json', dir];

      // Act
      const { code, out, err } = await runCli(argv, asNobody ? { uid: NOBODY } : {});

      // Assess
      expect({
        code,
        found: out.map((line) => FindingSchema.parse(JSON.parse(line)).eventId).sort(),
        problems: err.filter((line) => line.startsWith('unreadable input: ')),
      }).toStrictEqual({
        code: 2,
        found: ['at-top', 'in-a', 'in-z'],
        problems: [`unreadable input: ${bad}: ${reason}`],
      });
    },
  );
});
