import { build } from 'esbuild';
import type { BuildOptions } from 'esbuild';
import { rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
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

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundle('handlers/root-activity/index.ts', ROOT_ACTIVITY_BUNDLE);
  await bundle('handlers/root-posture/index.ts', ROOT_POSTURE_BUNDLE);
}

export { bundle, LAMBDA_BUNDLE_OPTIONS, ROOT_ACTIVITY_BUNDLE, ROOT_POSTURE_BUNDLE };
