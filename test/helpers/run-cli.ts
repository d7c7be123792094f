import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { main } from '../../cli/main.ts';
import { REPO_ROOT } from './paths.ts';
import { assertReachableBy } from './reachable-by.ts';

const CLI = join(REPO_ROOT, 'dist/cli/rootwatch.mjs');

/** Someone other than the files' owner, for unreadable files when the tests run as root (who reads anything). */
const NOBODY = 65_534;
const RUNS_AS_ROOT = process.getuid?.() === 0;

/** The clock of in-process command lines: a fixed time, never today's. */
const CLI_NOW = new Date('2026-11-29T12:00:00Z');

interface CliRun {
  code: number;
  out: string[];
  err: string[];
}

/**
 * Runs a command line: in this process at `now` (default `CLI_NOW`), or as the package bin when it
 * reads `stdin` or runs as `uid` (its files must then be readable where it should read them, writable
 * where it writes; the bin runs on the system clock, which `npm run test:any-date` fakes).
 */
const runCli = async (
  argv: readonly string[],
  { stdin, uid, now = CLI_NOW }: { stdin?: Buffer; uid?: number; now?: Date } = {},
): Promise<CliRun> => {
  if (stdin === undefined && uid === undefined) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main([...argv], {
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      now: () => now,
    });
    return { code, out, err };
  }
  if (uid !== undefined) assertReachableBy(uid, CLI);
  const child = spawn(process.execPath, [CLI, ...argv], {
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(uid !== undefined && { uid, gid: uid }),
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
  child.stdin.end(stdin ?? '');
  const code = await new Promise<number>((resolve) => child.on('close', (status) => resolve(status ?? -1)));
  const lines = (chunks: Buffer[]) => Buffer.concat(chunks).toString('utf8').split('\n').filter(Boolean);
  return { code, out: lines(out), err: lines(err) };
};

export { runCli, CLI_NOW, NOBODY, RUNS_AS_ROOT };
export type { CliRun };
