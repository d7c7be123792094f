import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DEFAULT_MAX_OBJECT_MB } from '../../schemas/read-options.ts';
import { median } from '../lib/measure.ts';
import type { BenchLine } from '../lib/report.ts';
import { printTable } from '../lib/report.ts';
import { ensureArchive } from './archive.ts';
import { runTimed } from './run-timed.ts';
import type { TimedRun } from './run-timed.ts';

const REPO_ROOT = new URL('../..', import.meta.url).pathname;
const BENCH_DIR = join(REPO_ROOT, '.bench');
const CLI = join(REPO_ROOT, 'dist/cli/rootwatch.mjs');
const MB = 1e6;
const MIB = 2 ** 20;

const settings = {
  /** JSON of the archive scanned with and without the bomb beside it. */
  megabytes: Number(process.env.ROOTWATCH_BENCH_BOMB_ARCHIVE_MB ?? 50),
  rounds: Number(process.env.ROOTWATCH_BENCH_BOMB_ROUNDS ?? 3),
};

/**
 * The review's bomb: a 4.7 MB `.json.gz` that inflates to some 4.9 GB (spaces, which deflate
 * shrinks about a thousandfold), made of 19 gzip members of 256 MiB each (a gzip file may hold
 * several; every reader inflates them all), so that making it never holds more than one member.
 */
const ensureBomb = (dir: string): { file: string; stored: number; inflated: number } => {
  const members = 19;
  const file = join(dir, 'AWSLogs/111122223333/CloudTrail/us-east-1/2026/01/05/bomb.json.gz');
  if (!existsSync(file)) {
    const member = gzipSync(Buffer.alloc(256 * MIB, 0x20), { level: 9 });
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, Buffer.concat(Array.from({ length: members }, () => member)));
  }
  return { file, stored: statSync(file).size, inflated: 256 * MIB * members };
};

const scanArgs = (...paths: string[]) => [
  CLI,
  'scan',
  '--json',
  '--workers',
  '2',
  '--summary',
  '/dev/null',
  ...paths,
];

/**
 * `rootwatch scan` (the real CLI, 2 workers) of a generated archive, against the same scan with the
 * review's gzip bomb beside it: the peak RSS (all threads) of each, interleaved `rounds` times. The
 * bomb is read up to the size limit and reported, so the scan holds at most one object of the limit
 * more per worker that meets one; the run still reports the archive's findings and exits 2.
 */
const runBombMemory = async (): Promise<BenchLine[]> => {
  const archiveDir = join(BENCH_DIR, `bomb-archive-${settings.megabytes}MB`);
  const archive = ensureArchive(archiveDir, settings.megabytes * MB, { seed: 11 });
  const bombDir = join(BENCH_DIR, 'bomb');
  const bomb = ensureBomb(bombDir);
  console.log(
    `\nscan memory with a gzip bomb (2 workers; archive: ${archive.files.length} files, ${(archive.bytes / MB).toFixed(0)} MB of JSON; ` +
      `bomb: ${(bomb.stored / MB).toFixed(1)} MB of gzip, ${(bomb.inflated / 1e9).toFixed(1)} GB inflated; limit ${DEFAULT_MAX_OBJECT_MB} MiB)`,
  );
  const clean: TimedRun[] = [];
  const bombed: TimedRun[] = [];
  await runTimed(process.execPath, scanArgs(archiveDir));
  for (let round = 0; round < settings.rounds; round += 1) {
    clean.push(await runTimed(process.execPath, scanArgs(archiveDir), { probeRss: true }));
    bombed.push(await runTimed(process.execPath, scanArgs(archiveDir, bombDir), { probeRss: true }));
  }
  const rss = (runs: readonly TimedRun[]) => median(runs.map((run) => (run.peakRssKb ?? 0) / 1000));
  const findings = (run: TimedRun) => run.stdout.split('\n').filter(Boolean).length;
  const withBomb = rss(bombed);
  const without = rss(clean);
  // One object of the limit held by the worker that meets the bomb, and zlib's last chunk of it.
  const bound = without + (2 * DEFAULT_MAX_OBJECT_MB * MIB) / MB;
  const lines: BenchLine[] = [
    {
      name: `peak RSS, archive + ${(bomb.stored / MB).toFixed(1)} MB gzip bomb vs the archive alone`,
      value: `${withBomb.toFixed(0)} MB`,
      baseline: `${without.toFixed(0)} MB`,
      ratio: withBomb / without,
      target: `<= baseline + 2 x ${DEFAULT_MAX_OBJECT_MB} MiB`,
      met: withBomb <= bound,
    },
    {
      name: 'findings and exit code with the bomb (it is reported, the rest read)',
      value: `${findings(bombed[0]!)} findings, exit ${bombed[0]!.code}`,
      baseline: `${findings(clean[0]!)} findings, exit ${clean[0]!.code}`,
      ratio: findings(bombed[0]!) / Math.max(1, findings(clean[0]!)),
      target: 'same findings, exit 2',
      met: findings(bombed[0]!) === findings(clean[0]!) && bombed[0]!.code === 2,
    },
  ];
  printTable(
    `peak resident set size of the whole process, median of ${settings.rounds} interleaved rounds`,
    lines,
  );
  return lines;
};

export { runBombMemory };
