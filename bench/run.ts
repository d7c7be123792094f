import { runClassifyThroughput } from './classify-throughput.ts';
import { runCliStartup } from './cli-startup.ts';
import { runCompletenessSpeed } from './completeness-speed.ts';
import { runHandlerLatency } from './handler-latency.ts';
import { runIncidentLatency } from './incident-latency.ts';
import { runLambdaColdStart } from './lambda-cold-start.ts';
import type { BenchLine } from './lib/report.ts';
import { runBombMemory } from './scan/bomb-memory.ts';
import { runScanSpeed } from './scan/scan-speed.ts';
import { runScanStages } from './scan/scan-stages.ts';

const BENCHMARKS: Record<string, () => BenchLine[] | Promise<BenchLine[]>> = {
  classify: runClassifyThroughput,
  'cold-start': runLambdaColdStart,
  latency: runHandlerLatency,
  incidents: runIncidentLatency,
  scan: runScanSpeed,
  'scan-bomb': runBombMemory,
  'scan-stages': runScanStages,
  startup: runCliStartup,
  completeness: runCompletenessSpeed,
};

// The AWS SDK warns once per process that its 2027 releases need Node 22; this machine runs Node 20 and
// the Lambda runtime is nodejs22.x. Said once here rather than by every timed process.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
if (process.versions.node.split('.')[0] === '20') {
  console.error('(Node 20: the AWS SDK releases of 2027 need Node 22; its warning is silenced in this run)');
}

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
