import { join } from 'node:path';
import { median, secondsSpread } from './lib/measure.ts';
import type { BenchLine } from './lib/report.ts';
import { printTable } from './lib/report.ts';
import { runTimed } from './scan/run-timed.ts';
import type { TimedRun } from './scan/run-timed.ts';

const REPO_ROOT = new URL('..', import.meta.url).pathname;
const CLI = join(REPO_ROOT, 'dist/cli/rootwatch.mjs');
const EVENT = join(REPO_ROOT, 'events/sign-in/root-console-login-failed.json');
const rounds = Number(process.env.ROOTWATCH_BENCH_STARTUP_ROUNDS ?? 10);

/**
 * The command line's own start-up: the installed bin (`node dist/cli/rootwatch.mjs`, what a shell
 * runs for `rootwatch` once installed) classifying one event, and scanning it in this thread and
 * with the default workers (each a thread that loads its code), against `node -e 0`; and `npx rootwatch`, which resolves the package first.
 * CPU seconds (all threads; steadier than wall seconds on a shared machine) and wall seconds from
 * spawn to exit, interleaved rounds; the targets are on the CPU seconds added.
 */
const runCliStartup = async (): Promise<BenchLine[]> => {
  const commands: Record<string, readonly string[]> = {
    node: ['-e', '0'],
    classify: [CLI, 'classify', EVENT],
    'scan --workers 0': [CLI, 'scan', '--workers', '0', '--summary', '/dev/null', EVENT],
    scan: [CLI, 'scan', '--summary', '/dev/null', EVENT],
  };
  const runs: Record<string, TimedRun[]> = {
    node: [],
    classify: [],
    'scan --workers 0': [],
    scan: [],
    npx: [],
  };
  for (let round = 0; round <= rounds; round += 1) {
    for (const [name, args] of Object.entries(commands)) {
      const run = await runTimed(process.execPath, args, { probeRss: true });
      if (round > 0) runs[name]!.push(run); // round 0 warms the page cache
    }
    const npx = await runTimed('npx', ['rootwatch', 'classify', EVENT]);
    if (round > 0) runs.npx!.push(npx);
  }
  const time = (name: string) => median(runs[name]!.map((run) => run.seconds));
  const spread = (name: string) => secondsSpread(runs[name]!.map((run) => run.seconds));
  const cpu = (name: string) => median(runs[name]!.map((run) => run.cpuSeconds ?? 0));
  const cpuSpread = (name: string) => secondsSpread(runs[name]!.map((run) => run.cpuSeconds ?? 0));
  const lines: BenchLine[] = [
    ...(['classify', 'scan --workers 0', 'scan'] as const).flatMap((name) => [
      {
        name: `rootwatch ${name} of one event vs node -e 0: CPU seconds added (lower is better)`,
        value: `${cpuSpread(name)}; +${(cpu(name) - cpu('node')).toFixed(2)} s`,
        baseline: cpuSpread('node'),
        ratio: cpu(name) / cpu('node'),
        // The default scan starts its workers (a thread and its code each), part of what a scan costs.
        target: name === 'scan' ? '' : '<= +0.20 s',
        met: name === 'scan' || cpu(name) - cpu('node') <= 0.2,
      },
      {
        name: `  the same in wall seconds`,
        value: `${spread(name)}; +${(time(name) - time('node')).toFixed(2)} s`,
        baseline: spread('node'),
        ratio: time(name) / time('node'),
        target: '',
        met: true,
      },
    ]),
    {
      name: 'npx rootwatch classify vs the installed bin: seconds added',
      value: `${spread('npx')}; +${(time('npx') - time('classify')).toFixed(2)} s`,
      baseline: spread('classify'),
      ratio: time('npx') / time('classify'),
      target: '',
      met: true,
    },
  ];
  printTable(
    `CLI start-up: wall seconds from spawn to exit, median (min–max) of ${rounds} interleaved rounds`,
    lines,
  );
  return lines;
};

export { runCliStartup };
