import { build } from 'esbuild';
import type { BuildOptions } from 'esbuild';
import { fileURLToPath } from 'node:url';

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

/** Builds `entry` with the Lambda options into `outfile` (both relative to the repository). */
const bundle = async (entry: string, outfile: string): Promise<void> => {
  await build({ ...LAMBDA_BUNDLE_OPTIONS, absWorkingDir: ROOT, entryPoints: [entry], outfile });
};

const ROOT_ACTIVITY_BUNDLE = 'dist/root-activity/index.mjs';
const ROOT_POSTURE_BUNDLE = 'dist/root-posture/index.mjs';
const NOTIFIER_BUNDLE = 'dist/notifier/index.mjs';
const SECURITY_HUB_IMPORT_BUNDLE = 'dist/security-hub-import/index.mjs';

/** Every function's entry and artifact. */
const BUNDLES = [
  ['handlers/root-activity/index.ts', ROOT_ACTIVITY_BUNDLE],
  ['handlers/root-posture/index.ts', ROOT_POSTURE_BUNDLE],
  ['handlers/notifier/index.ts', NOTIFIER_BUNDLE],
  ['handlers/security-hub-import/index.ts', SECURITY_HUB_IMPORT_BUNDLE],
] as const;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await Promise.all(BUNDLES.map(([entry, outfile]) => bundle(entry, outfile)));
}

export {
  bundle,
  BUNDLES,
  LAMBDA_BUNDLE_OPTIONS,
  ROOT_ACTIVITY_BUNDLE,
  ROOT_POSTURE_BUNDLE,
  NOTIFIER_BUNDLE,
  SECURITY_HUB_IMPORT_BUNDLE,
};
