import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { lambdaEntry } from '../build/artifacts.ts';
import { buildLambdas, bundle } from '../build/lambda-bundles.ts';
import { LocalAwsEndpoint } from '../test/aws-endpoint/local-aws-endpoint.ts';
import { localAwsEnv } from '../test/helpers/aws-clients.ts';
import { median } from './lib/measure.ts';
import { runProcess } from './lib/processes.ts';
import type { BenchLine } from './lib/report.ts';
import { printTable } from './lib/report.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const SDK_ONLY_BUNDLE = '.bench/sdk-only/index.mjs';
const RUNS = 21;
/**
 * The budget over the two bare SDK clients: zod's schemas (about 230 built at import), pino and the
 * detector tables cost about a third more. Lazily built schemas are the next lever if it grows.
 */
const IMPORT_BUDGET = 1.5;
/**
 * On Node 20 the SDK prints a deprecation warning at client creation that Lambda's nodejs22.x never
 * prints; it would add the same cost to every figure here but not in Lambda.
 */
const NODE_FLAGS = ['--no-warnings'];
const ms = (value: number) => `${value.toFixed(1)} ms`;

/**
 * The code a cold start loads: the entry file and the chunks it imports statically (the chunks
 * behind `import()`, such as the DynamoDB client when no incident table is set, are left out).
 */
const staticallyLoadedCode = async (entry: string): Promise<Buffer> => {
  const seen = new Set<string>();
  const visit = async (file: string): Promise<Buffer[]> => {
    if (seen.has(file)) return [];
    seen.add(file);
    const code = await readFile(file);
    const imported = [
      ...code.toString('utf8').matchAll(/(?:^|[\n;}])import\s*(?:[\w${},\s*]+from\s*)?"(\.[^"]+)"/g),
    ];
    const nested = await Promise.all(imported.map((match) => visit(join(dirname(file), match[1]!))));
    return [code, ...nested.flat()];
  };
  return Buffer.concat(await visit(join(ROOT, entry)));
};

/** Import time of a bundle in a fresh Node process, measured inside it (the module's cold start). */
const importTime = async (file: string, env: NodeJS.ProcessEnv): Promise<number> => {
  const url = pathToFileURL(join(ROOT, file)).href;
  const script = `const t = performance.now(); await import(${JSON.stringify(url)}); process.stdout.write(String(performance.now() - t));`;
  const { stdout } = await runProcess(
    process.execPath,
    [...NODE_FLAGS, '--input-type=module', '-e', script],
    { env },
  );
  return Number(stdout);
};

/**
 * The Lambda cold start, each figure the median of fresh Node processes run interleaved in the same
 * run: the bundle's import time beside a bundle of only the two SDK clients (the floor), and a
 * fresh process that imports the bundle and handles one event end to end beside `node -e 0`.
 */
const runLambdaColdStart = async (): Promise<BenchLine[]> => {
  await buildLambdas();
  await bundle('bench/fixtures/sdk-only-handler.ts', SDK_ONLY_BUNDLE);
  const endpoint = await LocalAwsEndpoint.start();
  endpoint.logs.createLogGroup({ logGroupName: '/rootwatch/records' });
  endpoint.events.buses.add('rootwatch-alerts');
  const env = {
    PATH: process.env.PATH,
    ...localAwsEnv(endpoint.url, {
      ROOTWATCH_LOG_GROUP: '/rootwatch/records',
      ROOTWATCH_ALERT_BUS: 'rootwatch-alerts',
      ROOTWATCH_LOG_LEVEL: 'warn',
    }),
  };
  const event = JSON.stringify([
    JSON.parse(await readFile(join(ROOT, 'events/sign-in/root-console-login-eventbridge-2016.json'), 'utf8')),
  ]);
  const runner = join(ROOT, 'test/aws-endpoint/invoke-bundle.mjs');

  const samples = {
    bundle: [] as number[],
    sdkOnly: [] as number[],
    endToEnd: [] as number[],
    nodeEmpty: [] as number[],
  };
  for (let run = 0; run < RUNS; run += 1) {
    samples.bundle.push(await importTime(lambdaEntry('root-activity'), env));
    samples.sdkOnly.push(await importTime(SDK_ONLY_BUNDLE, env));
    samples.endToEnd.push(
      (
        await runProcess(process.execPath, [runner, join(ROOT, lambdaEntry('root-activity'))], {
          env,
          input: event,
        })
      ).ms,
    );
    samples.nodeEmpty.push((await runProcess(process.execPath, ['-e', '0'], { env })).ms);
  }
  await endpoint.stop();

  // Each run's bundle/SDK-only pair shares the machine's state at that moment: the median of the
  // per-pair ratios is steadier than the ratio of two medians.
  const importRatio = median(samples.bundle.map((value, run) => value / samples.sdkOnly[run]!));
  const [bundleMs, sdkMs, endToEndMs, nodeMs] = [
    samples.bundle,
    samples.sdkOnly,
    samples.endToEnd,
    samples.nodeEmpty,
  ].map(median) as [number, number, number, number];
  const code = await staticallyLoadedCode(lambdaEntry('root-activity'));
  const size = code.length;
  const gzipped = gzipSync(code).length;
  const lines: BenchLine[] = [
    {
      name: 'bundle import',
      value: ms(bundleMs),
      baseline: `${ms(sdkMs)} (SDK-only)`,
      ratio: importRatio,
      target: `<= ${IMPORT_BUDGET}x SDK-only`,
      met: importRatio <= IMPORT_BUDGET,
    },
    {
      name: 'fresh process, one event end to end',
      value: ms(endToEndMs),
      baseline: `${ms(nodeMs)} (node -e 0)`,
      ratio: endToEndMs / nodeMs,
      target: '',
      met: true,
    },
  ];
  printTable(
    `Lambda cold start (median of ${RUNS} fresh processes each; code loaded ${(size / 1024).toFixed(0)} KiB, ${(gzipped / 1024).toFixed(0)} KiB gzipped)`,
    lines,
  );
  return lines;
};

export { runLambdaColdStart };
