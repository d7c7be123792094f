import { join } from 'node:path';
import { CLI_BIN, REPO } from '../build/artifacts.ts';
import { median } from './lib/measure.ts';
import { runProcess } from './lib/processes.ts';
import type { BenchLine } from './lib/report.ts';
import { printTable } from './lib/report.ts';

const RUNS = 15;
/** The command line's own start-up, over Node's: at most this many milliseconds (issue 16). */
const OVER_NODE_BUDGET_MS = 200;
const EVENT = join(REPO, 'events/sign-in/root-console-login-without-mfa.json');

/**
 * The start of `rootwatch classify` of one event from the built bin, beside `node -e 0` (the floor:
 * Node itself) and the same command run from the sources through tsx (what `npm run dev` does),
 * each the median wall time of fresh processes run interleaved.
 */
const runCliStart = async (): Promise<BenchLine[]> => {
  const contenders = {
    node: [process.execPath, ['-e', '0']],
    bin: [process.execPath, [join(REPO, CLI_BIN), 'classify', EVENT]],
    tsx: [
      process.execPath,
      [join(REPO, 'node_modules/tsx/dist/cli.mjs'), join(REPO, 'cli/rootwatch.ts'), 'classify', EVENT],
    ],
  } as const;
  const samples: Record<keyof typeof contenders, number[]> = { node: [], bin: [], tsx: [] };
  for (let run = 0; run <= RUNS; run += 1) {
    for (const [name, [command, args]] of Object.entries(contenders)) {
      const { ms, code } = await runProcess(command, args);
      if (code !== 0) throw new Error(`${name} exited ${code}`);
      if (run > 0) samples[name as keyof typeof contenders].push(ms);
    }
  }
  const [node, bin, tsx] = [median(samples.node), median(samples.bin), median(samples.tsx)];
  const lines: BenchLine[] = [
    {
      name: 'classify one event: bin over node -e 0',
      value: `${Math.round(bin - node)} ms (bin ${Math.round(bin)} ms)`,
      baseline: `node -e 0 ${Math.round(node)} ms`,
      ratio: bin / node,
      target: `<= ${OVER_NODE_BUDGET_MS} ms over`,
      met: bin - node <= OVER_NODE_BUDGET_MS,
    },
    {
      name: 'classify one event: bin vs the sources through tsx',
      value: `${Math.round(bin)} ms`,
      baseline: `tsx ${Math.round(tsx)} ms`,
      ratio: bin / tsx,
      target: '',
      met: true,
    },
  ];
  printTable(`Command-line start-up (median of ${RUNS} fresh processes each, interleaved)`, lines);
  return lines;
};

export { runCliStart };
