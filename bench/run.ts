import { runClassifyThroughput } from './classify-throughput.ts';
import type { BenchLine } from './lib/report.ts';
import { runScanSpeed } from './scan/scan-speed.ts';

/** `npm run bench`: every benchmark, each against a baseline measured in the same run. */
const results: BenchLine[] = [...runClassifyThroughput(), ...(await runScanSpeed())];

const targeted = results.filter((line) => line.target);
const missed = targeted.filter((line) => !line.met);
const missedNames = missed.map((line) => line.name).join(', ');
console.log(
  `\n${targeted.length - missed.length} of ${targeted.length} targets met${missed.length ? `; missed: ${missedNames}` : ''}`,
);
