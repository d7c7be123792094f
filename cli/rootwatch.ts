#!/usr/bin/env node
// The `rootwatch` command, built to dist/cli/rootwatch.mjs (the package's bin).
import { defaultWorkerCount } from '../scan/workers/default-workers.ts';
import { prestartWorkers } from '../scan/workers/prestart.ts';
import { SCAN_WORKER_ENTRY } from './package-files.ts';
import { useScanTiering } from './scan-tiering.ts';

const args = process.argv.slice(2);

/** `scan --workers N` as the pool will start them (the argument parser reports a wrong N later). */
const scanWorkers = (): number => {
  const at = args.findIndex((arg) => arg === '--workers' || arg.startsWith('--workers='));
  if (at === -1) return defaultWorkerCount();
  const given = args[at]!;
  const count = Number(given.includes('=') ? given.slice('--workers='.length) : args[at + 1]);
  return Number.isInteger(count) && count > 0 && count <= 64 ? count : 0;
};

// `scan`'s workers load their code while this thread loads the command line's (the pool adopts
// them): started first, since everything below delays their first object.
if (args[0] === 'scan') {
  useScanTiering();
  prestartWorkers(scanWorkers(), SCAN_WORKER_ENTRY);
}
const { main } = await import('./main.ts');
process.exitCode = await main(args);
