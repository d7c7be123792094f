import { runClassifyThroughput } from './classify-throughput.ts';
import { runHandlerLatency } from './handler-latency.ts';
import { runLambdaColdStart } from './lambda-cold-start.ts';
import type { BenchLine } from './lib/report.ts';

/** `npm run bench`: every benchmark, each against a baseline measured in the same run. */
const results: BenchLine[] = [
  ...runClassifyThroughput(),
  ...(await runLambdaColdStart()),
  ...(await runHandlerLatency()),
];

const targeted = results.filter((line) => line.target);
const missed = targeted.filter((line) => !line.met);
const missedNames = missed.map((line) => line.name).join(', ');
console.log(
  `\n${targeted.length - missed.length} of ${targeted.length} targets met${missed.length ? `; missed: ${missedNames}` : ''}`,
);
