import { runClassifyThroughput } from './classify-throughput.ts';
import { runCompletenessSpeed } from './completeness-speed.ts';
import { runHandlerLatency } from './handler-latency.ts';
import { runIncidentLatency } from './incident-latency.ts';
import { runLambdaColdStart } from './lambda-cold-start.ts';
import type { BenchLine } from './lib/report.ts';
import { runScanSpeed } from './scan/scan-speed.ts';

const BENCHMARKS: Record<string, () => BenchLine[] | Promise<BenchLine[]>> = {
  classify: runClassifyThroughput,
  'cold-start': runLambdaColdStart,
  latency: runHandlerLatency,
  incidents: runIncidentLatency,
  scan: runScanSpeed,
  completeness: runCompletenessSpeed,
};

/** `npm run bench [-- NAME...]`: every benchmark (or the named ones), each against a baseline measured in the same run. */
const names = process.argv.slice(2);
const unknown = names.filter((name) => !(name in BENCHMARKS));
if (unknown.length) {
  console.error(`unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHMARKS).join(', ')}`);
  process.exit(2);
}
const results: BenchLine[] = [];
for (const [name, run] of Object.entries(BENCHMARKS)) {
  if (names.length === 0 || names.includes(name)) results.push(...(await run()));
}

const targeted = results.filter((line) => line.target);
const missed = targeted.filter((line) => !line.met);
const missedNames = missed.map((line) => line.name).join(', ');
console.log(
  `\n${targeted.length - missed.length} of ${targeted.length} targets met${missed.length ? `; missed: ${missedNames}` : ''}`,
);
