import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What one timed command did: wall seconds (process start included), exit code, its stdout. */
interface TimedRun {
  seconds: number;
  code: number;
  stdout: string;
  /** Peak RSS in kB, for commands run with the RSS probe (Node commands only). */
  peakRssKb?: number;
  /** CPU seconds of the process, all threads, for commands run with the RSS probe. */
  cpuSeconds?: number;
}

const RSS_PROBE = new URL('./rss-probe.mjs', import.meta.url).pathname;

/**
 * Runs a command to completion and times it from spawn to exit, as a person at a shell would.
 * `probeRss` loads the RSS probe into a Node command (`node --import probe …`).
 */
const runTimed = (command: string, args: readonly string[], { probeRss = false, shell = false } = {}) =>
  new Promise<TimedRun>((resolve, reject) => {
    const dir = mkdtempSync(join(tmpdir(), 'rootwatch-bench-'));
    const rssFile = join(dir, 'rss');
    const argv = probeRss ? ['--import', RSS_PROBE, ...args] : [...args];
    const started = process.hrtime.bigint();
    const child = spawn(command, argv, {
      shell,
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, ROOTWATCH_RSS_FILE: rssFile },
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      let peakRssKb: number | undefined;
      let cpuSeconds: number | undefined;
      try {
        if (probeRss) [peakRssKb, cpuSeconds] = readFileSync(rssFile, 'utf8').split(' ').map(Number);
      } catch {
        peakRssKb = undefined;
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({
        seconds,
        code: code ?? -1,
        stdout: Buffer.concat(chunks).toString('utf8'),
        ...(peakRssKb ? { peakRssKb } : {}),
        ...(cpuSeconds ? { cpuSeconds } : {}),
      });
    });
  });

export { runTimed };
export type { TimedRun };
