import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { median, secondsSpread } from '../lib/measure.ts';
import type { BenchLine } from '../lib/report.ts';
import { printTable } from '../lib/report.ts';
import { ensureArchive } from './archive.ts';
import type { ArchiveManifest } from './archive.ts';
import { runTimed } from './run-timed.ts';
import type { TimedRun } from './run-timed.ts';

const REPO_ROOT = new URL('../..', import.meta.url).pathname;
const BENCH_DIR = join(REPO_ROOT, '.bench');
const CLI = join(REPO_ROOT, 'dist/cli/rootwatch.mjs');
const FLOOR = join(REPO_ROOT, 'bench/scan/gunzip-floor.mjs');
const MB = 1e6;

const settings = {
  /**
   * Uncompressed size of the timed archive. The issue asks for at least 400 MB so that process start
   * does not dominate; the CLI's start (about 0.25 s before its first object is dispatched, against
   * Node's 0.1 s) still weighs at 400 MB, so the default is 1 GB, and a quarter of it is timed too,
   * for the trend.
   */
  megabytes: Number(process.env.ROOTWATCH_BENCH_SCAN_MB ?? 1000),
  rounds: Number(process.env.ROOTWATCH_BENCH_SCAN_ROUNDS ?? 3),
  /** jq takes a minute or more per run; one run by default. */
  jqRounds: Number(process.env.ROOTWATCH_BENCH_JQ_ROUNDS ?? 1),
};

const JQ_FILTER = '.Records[] | select(.userIdentity.type=="Root")';

const hasJq = (): boolean => spawnSync('jq', ['--version']).status === 0;

const seconds = (runs: readonly TimedRun[]) => runs.map((run) => run.seconds);

/**
 * The JS filter the findings must equal: every record whose identity is root or whose session root
 * issued, less AwsServiceEvent (which the detector skips on purpose), by full JSON.parse of every file.
 */
const filteredEventIds = (manifest: ArchiveManifest): string[] => {
  const ids: string[] = [];
  for (const file of manifest.files) {
    const { Records } = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as {
      Records: Array<{
        eventID: string;
        eventType?: string;
        userIdentity?: { type?: string; sessionContext?: { sessionIssuer?: { type?: string } } };
      }>;
    };
    for (const record of Records) {
      const rootish =
        record.userIdentity?.type === 'Root' ||
        record.userIdentity?.sessionContext?.sessionIssuer?.type === 'Root';
      if (rootish && record.eventType !== 'AwsServiceEvent') ids.push(record.eventID);
    }
  }
  return ids.sort();
};

const scanArgs = (dir: string) => [CLI, 'scan', '--json', '--workers', '2', '--summary', '/dev/null', dir];

/**
 * `rootwatch scan` (the real CLI, 2 workers) against Node reading and gunzipping the same files on
 * 2 workers without parsing (the floor) and, when installed, `zcat | jq`; every figure includes
 * its process start. Runs interleaved, `rounds` times; then the findings against the JS filter, and
 * the scan's peak RSS on a quarter-size archive and on the full one.
 */
const runScanSpeed = async (): Promise<BenchLine[]> => {
  const large = ensureArchive(
    join(BENCH_DIR, `scan-archive-${settings.megabytes}MB`),
    settings.megabytes * MB,
  );
  const smallMegabytes = Math.round(settings.megabytes / 4);
  const small = ensureArchive(join(BENCH_DIR, `scan-archive-${smallMegabytes}MB`), smallMegabytes * MB, {
    seed: 7,
  });
  const largeDir = join(BENCH_DIR, `scan-archive-${settings.megabytes}MB`);
  const smallDir = join(BENCH_DIR, `scan-archive-${smallMegabytes}MB`);
  const fileList = join(largeDir, 'files.txt');
  const smallFileList = join(smallDir, 'files.txt');
  writeFileSync(fileList, `${large.files.join('\n')}\n`);
  writeFileSync(smallFileList, `${small.files.join('\n')}\n`);
  console.log(
    `\nscan speed (2 workers; archive: ${large.files.length} files in the S3 layout, ${(large.bytes / MB).toFixed(0)} MB of JSON, ` +
      `${(large.storedBytes / MB).toFixed(0)} MB gzip, ${large.records.toLocaleString('en-US')} records, ${large.rootRecords} root)`,
  );

  const jq = hasJq();
  const runs: Record<'scan' | 'floor' | 'jq' | 'smallScan' | 'smallFloor', TimedRun[]> = {
    scan: [],
    floor: [],
    jq: [],
    smallScan: [],
    smallFloor: [],
  };
  // Warm-up: the compiled command line (built when out of date), the page cache.
  await runTimed(process.execPath, scanArgs(largeDir));
  await runTimed(process.execPath, [FLOOR, '2', smallFileList]);
  for (let round = 0; round < settings.rounds; round += 1) {
    runs.scan.push(await runTimed(process.execPath, scanArgs(largeDir), { probeRss: true }));
    runs.floor.push(await runTimed(process.execPath, [FLOOR, '2', fileList]));
    runs.smallScan.push(await runTimed(process.execPath, scanArgs(smallDir), { probeRss: true }));
    runs.smallFloor.push(await runTimed(process.execPath, [FLOOR, '2', smallFileList]));
    if (jq && round < settings.jqRounds) {
      runs.jq.push(await runTimed(`xargs -a '${fileList}' zcat | jq -c '${JQ_FILTER}'`, [], { shell: true }));
    }
  }

  const scanIds = runs.scan[0]!.stdout.split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { eventId: string }).eventId)
    .sort();
  const expected = filteredEventIds(large);
  const identical =
    scanIds.length === expected.length && scanIds.every((id, index) => id === expected[index]);
  const scanTime = median(seconds(runs.scan));
  const floorTime = median(seconds(runs.floor));
  const smallScanTime = median(seconds(runs.smallScan));
  const smallFloorTime = median(seconds(runs.smallFloor));
  const lines: BenchLine[] = [
    {
      name: `scan vs gunzip floor, ${(small.bytes / MB).toFixed(0)} MB (lower is better)`,
      value: secondsSpread(seconds(runs.smallScan)),
      baseline: secondsSpread(seconds(runs.smallFloor)),
      ratio: smallScanTime / smallFloorTime,
      target: '',
      met: true,
    },
    {
      name: `scan vs gunzip floor, ${(large.bytes / MB).toFixed(0)} MB (lower is better)`,
      value: secondsSpread(seconds(runs.scan)),
      baseline: secondsSpread(seconds(runs.floor)),
      ratio: scanTime / floorTime,
      target: '<= 1.50x floor',
      met: scanTime / floorTime <= 1.5,
    },
  ];
  if (jq) {
    const jqTime = median(seconds(runs.jq));
    lines.push({
      name: `scan vs zcat | jq, ${(large.bytes / MB).toFixed(0)} MB (higher is better)`,
      value: secondsSpread(seconds(runs.scan)),
      baseline: secondsSpread(seconds(runs.jq)),
      ratio: jqTime / scanTime,
      target: '>= 8.00x faster',
      met: jqTime / scanTime >= 8,
    });
  }
  lines.push({
    name: 'findings = JS filter (root, root-issued, less AwsServiceEvent)',
    value: `${scanIds.length} findings`,
    baseline: `${expected.length} records${jq ? `; jq type==Root: ${runs.jq[0]!.stdout.split('\n').filter(Boolean).length}` : ''}`,
    ratio: identical ? 1 : 0,
    target: 'identical eventIds',
    met: identical,
  });
  const rss = (run: TimedRun) => (run.peakRssKb ?? 0) / 1000;
  const largeRss = median(runs.scan.map(rss));
  const smallRss = median(runs.smallScan.map(rss));
  lines.push({
    name: `peak RSS, ${(large.bytes / MB).toFixed(0)} MB vs ${(small.bytes / MB).toFixed(0)} MB archive`,
    value: `${largeRss.toFixed(0)} MB`,
    baseline: `${smallRss.toFixed(0)} MB`,
    ratio: largeRss / smallRss,
    target: '<= 1.25x (streaming)',
    met: largeRss / smallRss <= 1.25,
  });
  printTable(
    `seconds from process start to exit, median (min–max) of ${settings.rounds} interleaved rounds; ${os.loadavg()[0]!.toFixed(1)} load average at the end` +
      (jq ? ` (jq: ${runs.jq.length})` : ' (jq not installed: apt-get install jq)'),
    lines,
  );
  return lines;
};

export { runScanSpeed };
