import { build } from 'esbuild';
import type { BuildOptions } from 'esbuild';
import { copyFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSanctionedTasks, loadSuppressions } from '../handlers/load-suppressions.ts';
import type { FunctionName } from '../infra/lambda-dirs.ts';
import { FUNCTION_ENTRIES, lambdaEntry, REPO } from './artifacts.ts';

/**
 * The Lambda artifact, exactly as deployed: one minified ESM file for nodejs22.x, exporting `handler`.
 * Some bundled CommonJS dependencies call `require`, which ESM lacks: the banner provides it.
 * Parsing the bundle is most of a cold start, so code the function never runs is left out (stubs/).
 */
const LAMBDA_BUNDLE_OPTIONS: BuildOptions = {
  bundle: true,
  minify: true,
  sourcemap: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  mainFields: ['module', 'main'],
  banner: {
    js: "import{createRequire as __rootwatchRequire}from'node:module';const require=__rootwatchRequire(import.meta.url);",
  },
  logLevel: 'warning',
  alias: { 'thread-stream': fileURLToPath(new URL('stubs/thread-stream.ts', import.meta.url)) },
};

/** The suppression rules deployed with the detector (docs/incidents-and-suppression.md). */
const SUPPRESSIONS_SOURCE = 'config/suppressions.json';
/** The expected centralized-root tasks deployed with it (docs/tampering-and-takeover.md). */
const SANCTIONED_TASKS_SOURCE = 'config/sanctioned-root-tasks.json';

/** The functions that apply the suppression rules: the detector, and the completeness scan for the events it missed. */
const SUPPRESSION_FUNCTIONS: readonly FunctionName[] = ['root-activity', 'completeness'];

/**
 * Builds `entry` with the Lambda options into `outfile` (both relative to the repository), in a
 * fresh directory. Code loaded with `import()` goes to chunks beside it, parsed only when loaded
 * (the DynamoDB client of the incident store, when no incident table is configured, never is).
 */
const bundle = async (entry: string, outfile: string): Promise<void> => {
  const outdir = join(REPO, dirname(outfile));
  await rm(outdir, { recursive: true, force: true });
  await build({
    ...LAMBDA_BUNDLE_OPTIONS,
    absWorkingDir: REPO,
    entryPoints: { index: entry },
    outdir,
    outExtension: { '.js': '.mjs' },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  });
};

/**
 * Ships the suppression rules and the sanctioned root tasks beside a function that applies them
 * (the defaults of `ROOTWATCH_SUPPRESSIONS_FILE` and `ROOTWATCH_SANCTIONED_TASKS_FILE`), validated
 * first: a bad rule fails the build, not the deployed function's cold start.
 */
const shipSuppressions = async (
  name: FunctionName,
  source = SUPPRESSIONS_SOURCE,
  sanctioned = SANCTIONED_TASKS_SOURCE,
): Promise<void> => {
  const dir = join(REPO, dirname(lambdaEntry(name)));
  loadSuppressions(join(REPO, source), { required: true });
  loadSanctionedTasks(join(REPO, sanctioned), { required: true });
  await copyFile(join(REPO, source), join(dir, 'suppressions.json'));
  await copyFile(join(REPO, sanctioned), join(dir, 'sanctioned-root-tasks.json'));
};

/** Every function, with the suppression rules beside those that apply them. */
const buildLambdas = async (): Promise<void> => {
  await Promise.all(
    Object.entries(FUNCTION_ENTRIES).map(([name, entry]) => bundle(entry, lambdaEntry(name as FunctionName))),
  );
  for (const name of SUPPRESSION_FUNCTIONS) await shipSuppressions(name);
};

export { bundle, buildLambdas, shipSuppressions, LAMBDA_BUNDLE_OPTIONS };
