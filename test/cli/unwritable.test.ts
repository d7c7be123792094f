import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENTS_DIR, REPO_ROOT } from '../helpers/paths.ts';
import { childEnv } from '../helpers/child-env.ts';
import { assertReachableBy } from '../helpers/reachable-by.ts';

const BIN = join(REPO_ROOT, 'dist/cli/rootwatch.mjs');
const SAMPLE = join(EVENTS_DIR, 'sign-in/root-console-login-without-mfa.json');
const REPORT = join(REPO_ROOT, 'test/fixtures/credential-reports/111122223333-mfa-no-keys.csv');
/** Run as root (CI is), the command runs as nobody: root writes anywhere, so nothing would be refused. */
const AS_NOBODY = process.getuid?.() === 0 ? { uid: 65_534, gid: 65_534 } : {};

let readOnly: string;
beforeAll(() => {
  if (AS_NOBODY.uid !== undefined) assertReachableBy(AS_NOBODY.uid, BIN);
  readOnly = mkdtempSync(join(tmpdir(), 'rootwatch-read-only-'));
  chmodSync(readOnly, 0o555);
});
afterAll(() => chmodSync(readOnly, 0o755));

/** The package's bin in a fresh process, TMPDIR and HOME not writable (nor, as nobody, the package). */
const rootwatch = (args: string[]) =>
  new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      ...AS_NOBODY,
      cwd: readOnly,
      env: childEnv({ TMPDIR: readOnly, HOME: readOnly }),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });

describe('CLI: TMPDIR, HOME and the package folder not writable', () => {
  it.each([
    { name: 'replay (records to a temporary file)', args: ['replay', SAMPLE], code: 2, says: 'set TMPDIR' },
    {
      name: 'replay --records in a folder it cannot write',
      args: ['replay', '--records', 'folder/records.jsonl', SAMPLE],
      code: 2,
      says: 'cannot write the records to folder/records.jsonl: EACCES',
    },
    { name: 'classify', args: ['classify', SAMPLE], code: 0, says: '' },
    {
      name: 'classify --fail-on critical',
      args: ['classify', '--fail-on', 'critical', SAMPLE],
      code: 1,
      says: '',
    },
    { name: 'scan', args: ['scan', SAMPLE], code: 0, says: '' },
    {
      name: 'scan --summary',
      args: ['scan', '--json', '--summary', 'summary.json', SAMPLE],
      code: 2,
      says: 'cannot write the summary',
    },
    {
      name: 'scan --out',
      args: ['scan', '--out', 'findings.jsonl', SAMPLE],
      code: 2,
      says: 'cannot write the findings',
    },
    {
      name: 'scan --report',
      args: ['scan', '--report', 'r.html', SAMPLE],
      code: 2,
      says: 'cannot write the report',
    },
    { name: 'audit', args: ['audit', REPORT], code: 0, says: '' },
    {
      name: 'audit --report',
      args: ['audit', '--report', 'r.html', REPORT],
      code: 2,
      says: 'cannot write the report',
    },
    { name: 'sql', args: ['sql', '--engine', 'athena', '--table', 'cloudtrail_logs'], code: 0, says: '' },
  ])('$name: exit $code, at most one line on stderr, no stack', async ({ args, code, says }) => {
    // Act
    const result = await rootwatch(args);

    // Assess: 1 is --fail-on's code, never a file that cannot be written.
    expect(result.code).toBe(code);
    const lines = result.stderr.split('\n').filter(Boolean);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    if (says) {
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(says);
    } else expect(lines.filter((line) => /EACCES|EPERM|EROFS/.test(line))).toStrictEqual([]);
  });
});
