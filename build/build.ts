// `npm run build [lambda] [cli] [lib]`: everything the package ships, into dist/ (default: all three).
// Run by `prepare` (so `npm ci` in a clone builds it) and `prepack`.
import { chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { CLI_BIN, REPO } from './artifacts.ts';
import { buildCli } from './cli-bundle.ts';
import { buildLambdas } from './lambda-bundles.ts';
import { buildLibrary } from './library.ts';
import { buildWasm } from './wasm.ts';

const STEPS = {
  lambda: buildLambdas,
  cli: async () => {
    await buildCli();
    await Promise.all([chmod(join(REPO, CLI_BIN), 0o755), buildWasm()]);
  },
  lib: buildLibrary,
} as const;

const asked = process.argv.slice(2);
const unknown = asked.filter((step) => !(step in STEPS));
if (unknown.length) {
  console.error(`build: unknown step ${unknown.join(', ')} (steps: ${Object.keys(STEPS).join(', ')})`);
  process.exit(2);
}
const steps = (asked.length ? asked : Object.keys(STEPS)) as (keyof typeof STEPS)[];
try {
  await Promise.all(steps.map((step) => STEPS[step]()));
} catch (error) {
  console.error(`build: ${(error as Error).message}`);
  process.exit(1);
}
