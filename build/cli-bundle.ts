import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { CLI_ENTRIES, DIST, REPO } from './artifacts.ts';

/**
 * Packages installed beside the command line and loaded by the commands that need them: the AWS
 * SDK (large, and used only for S3 and AWS sinks) and pino. The rest (zod and our code) is
 * bundled, so that a command loads a few files, not some 130 modules one by one.
 */
const EXTERNAL = ['@aws-sdk/*', '@smithy/*', 'pino'];

/**
 * The command line in dist/cli/: the bin, the scan worker's entry, and each command in chunks of
 * its own (loaded with `import()` when it runs), for the oldest Node the package supports.
 */
const buildCli = async (): Promise<void> => {
  const outdir = join(DIST, 'cli');
  await rm(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: REPO,
    entryPoints: CLI_ENTRIES,
    outdir,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    logLevel: 'warning',
  });
};

export { buildCli };
