import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflate } from '../../scan/documents/inflate.ts';
import { DEFAULT_READ_LIMITS } from '../../scan/documents/read-limits.ts';
import { reusedGunzip } from '../../scan/documents/reused-gunzip.ts';
import { recordSpans } from '../../scan/record-spans.ts';
import { markerOffsets } from '../../scan/root-marker.ts';
import { scanObject } from '../../scan/scan-object.ts';
import { structuralScanner } from '../../scan/spans/structural-scanner.ts';
import { median, secondsSpread } from '../lib/measure.ts';
import type { BenchLine } from '../lib/report.ts';
import { printTable } from '../lib/report.ts';
import { ensureArchive } from './archive.ts';

const REPO_ROOT = new URL('../..', import.meta.url).pathname;

/** A buffer per object, as every reader gunzips without a kept one (scan/documents/inflate.ts). */
const gunzip = (raw: Buffer): Buffer => {
  const inflated = inflate(raw, DEFAULT_READ_LIMITS);
  if (inflated.kind !== 'whole') throw new Error(inflated.kind === 'failed' ? inflated.reason : 'truncated');
  return inflated.bytes;
};
const MB = 1e6;
const megabytes = Number(process.env.ROOTWATCH_BENCH_STAGES_MB ?? 400);
const rounds = Number(process.env.ROOTWATCH_BENCH_STAGES_ROUNDS ?? 3);

/** CPU seconds of this thread's process while `work` runs (one thread works: the figures are its own). */
const cpuSeconds = (work: () => void): number => {
  const before = process.cpuUsage();
  work();
  const { user, system } = process.cpuUsage(before);
  return (user + system) / 1e6;
};

/**
 * The stages of a scan worker, one thread, in this process: gunzip of every object with a buffer
 * per object against one kept buffer (the fair floor's), and the record spans of the marked objects
 * with the JS scan against the structural one (WebAssembly SIMD128, built by `npm run build -- cli`).
 * The spans of both must be identical. CPU seconds, median (min–max) of interleaved rounds.
 */
const runScanStages = (): BenchLine[] => {
  const manifest = ensureArchive(join(REPO_ROOT, '.bench', `scan-archive-${megabytes}MB`), megabytes * MB, {
    seed: 11,
  });
  const raws = manifest.files.map((file) => readFileSync(file));
  const scanner = structuralScanner(readFileSync(join(REPO_ROOT, 'dist/cli/structural-scan.wasm')));
  if (!scanner) throw new Error('the structural scanner does not run here (WebAssembly SIMD128)');
  const wasm = scanner.spans;
  const tools = { gunzip: reusedGunzip(undefined, scanner.allocate), markers: scanner.markers, spans: wasm };
  const kept = reusedGunzip();
  const marked = raws
    .map((raw) => ({ raw, text: gunzip(raw) }))
    .map(({ raw, text }) => ({ raw, text, hits: markerOffsets(text) }))
    .filter(({ hits }) => hits.length > 0);
  const markedBytes = marked.reduce((sum, { text }) => sum + text.length, 0);
  const markedRaws = marked.map(({ raw }) => raw);
  /**
   * The CPU seconds of `search` on each marked text where the workers search it: gunzipped into
   * the scanner's memory (the gunzip itself is not counted), so that neither search copies it.
   */
  const inPlace = (search: (text: Buffer, hits: number[]) => unknown) => {
    let seconds = 0;
    for (const raw of markedRaws) {
      const text = tools.gunzip(raw);
      const hits = markerOffsets(text);
      seconds += cpuSeconds(() => search(text, hits));
    }
    return seconds;
  };
  const identical = marked.every(
    ({ text, hits }) => JSON.stringify(recordSpans(text, hits)) === JSON.stringify(wasm(text, hits)),
  );
  const times: Record<
    'fresh' | 'kept' | 'js' | 'wasm' | 'jsMarkers' | 'wasmMarkers' | 'before' | 'after',
    number[]
  > = {
    fresh: [],
    kept: [],
    js: [],
    wasm: [],
    jsMarkers: [],
    wasmMarkers: [],
    before: [],
    after: [],
  };
  for (let round = 0; round < rounds; round += 1) {
    times.fresh.push(cpuSeconds(() => raws.forEach((raw) => gunzip(raw))));
    times.kept.push(cpuSeconds(() => raws.forEach((raw) => kept(raw))));
    times.js.push(inPlace(recordSpans));
    times.wasm.push(inPlace(wasm));
    times.jsMarkers.push(inPlace(markerOffsets));
    times.wasmMarkers.push(inPlace(scanner.markers));
    times.before.push(
      cpuSeconds(() => raws.forEach((raw, index) => scanObject(raw, manifest.files[index]!))),
    );
    times.after.push(
      cpuSeconds(() => raws.forEach((raw, index) => scanObject(raw, manifest.files[index]!, tools))),
    );
  }
  const lines: BenchLine[] = [
    {
      name: `gunzip ${(manifest.bytes / MB).toFixed(0)} MB: kept buffer vs a buffer per object (lower is better)`,
      value: secondsSpread(times.kept),
      baseline: secondsSpread(times.fresh),
      ratio: median(times.kept) / median(times.fresh),
      target: '',
      met: true,
    },
    {
      name: `record spans of ${marked.length} marked files, ${(markedBytes / MB).toFixed(0)} MB: structural vs JS scan (in place)`,
      value: secondsSpread(times.wasm),
      baseline: secondsSpread(times.js),
      ratio: median(times.wasm) / median(times.js),
      target: 'identical spans',
      met: identical,
    },
  ];
  lines.push(
    {
      name: `root markers in the same files: structural vs JS search (both in place)`,
      value: secondsSpread(times.wasmMarkers),
      baseline: secondsSpread(times.jsMarkers),
      ratio: median(times.wasmMarkers) / median(times.jsMarkers),
      target: '',
      met: true,
    },
    {
      name: `object scans of ${manifest.files.length} files (gunzip to records): this worker's tools vs the defaults`,
      value: secondsSpread(times.after),
      baseline: secondsSpread(times.before),
      ratio: median(times.after) / median(times.before),
      target: '',
      met: true,
    },
  );
  printTable(`CPU seconds of one thread, median (min–max) of ${rounds} interleaved rounds`, lines);
  return lines;
};

export { runScanStages };
