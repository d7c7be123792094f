import { build } from 'esbuild';
import type { BuildOptions } from 'esbuild';
import { copyFile, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSuppressions } from './load-suppressions.ts';

/**
 * The Lambda artifact, exactly as deployed: one minified ESM file for nodejs22.x, exporting `handler`.
 * Some bundled CommonJS dependencies call `require`, which ESM lacks: the banner provides it.
 * Parsing the bundle is most of a cold start, so code the function never runs is left out
 * (bundle-stubs/).
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
  alias: { 'thread-stream': fileURLToPath(new URL('bundle-stubs/thread-stream.ts', import.meta.url)) },
};

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Builds `entry` with the Lambda options into `outfile` (both relative to the repository), in a
 * fresh directory. Code loaded with `import()` goes to chunks beside it, parsed only when loaded
 * (the DynamoDB client of the incident store, when no incident table is configured, never is).
 */
const bundle = async (entry: string, outfile: string): Promise<void> => {
  const outdir = join(ROOT, dirname(outfile));
  await rm(outdir, { recursive: true, force: true });
  await build({
    ...LAMBDA_BUNDLE_OPTIONS,
    absWorkingDir: ROOT,
    entryPoints: { [basename(outfile, '.mjs')]: entry },
    outdir,
    outExtension: { '.js': '.mjs' },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  });
};

const ROOT_ACTIVITY_BUNDLE = 'dist/root-activity/index.mjs';
const ROOT_POSTURE_BUNDLE = 'dist/root-posture/index.mjs';
const NOTIFIER_BUNDLE = 'dist/notifier/index.mjs';
const SECURITY_HUB_IMPORT_BUNDLE = 'dist/security-hub-import/index.mjs';
const COMPLETENESS_BUNDLE = 'dist/completeness/index.mjs';
/** The suppression rules deployed with the detector (README: "Suppression"). */
const SUPPRESSIONS_SOURCE = 'config/suppressions.json';

/** Every function's entry and artifact. */
const BUNDLES = [
  ['handlers/root-activity/index.ts', ROOT_ACTIVITY_BUNDLE],
  ['handlers/root-posture/index.ts', ROOT_POSTURE_BUNDLE],
  ['handlers/notifier/index.ts', NOTIFIER_BUNDLE],
  ['handlers/security-hub-import/index.ts', SECURITY_HUB_IMPORT_BUNDLE],
  ['handlers/completeness/index.ts', COMPLETENESS_BUNDLE],
] as const;

/** The functions that apply the suppression rules: the detector, and the completeness scan for the events it missed. */
const SUPPRESSION_BUNDLES = [ROOT_ACTIVITY_BUNDLE, COMPLETENESS_BUNDLE] as const;

/**
 * Ships the suppression rules beside a bundle that applies them (its `ROOTWATCH_SUPPRESSIONS_FILE` default),
 * validated first: a bad rule fails the build, not the deployed function's cold start.
 */
const shipSuppressions = async (source = SUPPRESSIONS_SOURCE, bundleFile = ROOT_ACTIVITY_BUNDLE) => {
  const from = join(ROOT, source);
  loadSuppressions(from, { required: true });
  await copyFile(from, join(ROOT, dirname(bundleFile), 'suppressions.json'));
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await Promise.all(BUNDLES.map(([entry, outfile]) => bundle(entry, outfile)));
  for (const bundleFile of SUPPRESSION_BUNDLES) await shipSuppressions(SUPPRESSIONS_SOURCE, bundleFile);
}

export {
  bundle,
  shipSuppressions,
  BUNDLES,
  LAMBDA_BUNDLE_OPTIONS,
  ROOT_ACTIVITY_BUNDLE,
  ROOT_POSTURE_BUNDLE,
  NOTIFIER_BUNDLE,
  SECURITY_HUB_IMPORT_BUNDLE,
  COMPLETENESS_BUNDLE,
};
