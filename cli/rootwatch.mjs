#!/usr/bin/env node
// The `rootwatch` command. The CLI is TypeScript, run through tsx so that `npx rootwatch` works right
// after `npm ci`, with no build step. tsx's CommonJS hook works in this thread, while its ESM hook
// starts a loader thread that costs 0.4 s of CPU at every start (a third of a small scan's CPU). So
// the CLI's modules are required: tsx turns their ESM syntax into CommonJS. A module that CommonJS
// cannot express (top-level await) makes the CLI fall back to the ESM hook. The CLI's code must not
// import() our own .ts modules: under the CommonJS hook, such an import has no loader for `.ts`.
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { prestartWorkers } from '../scan/workers/prestart-workers.mjs';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
let main;
/** `scan --workers N` as the pool will start them (the argument parser reports a wrong N later). */
const scanWorkers = () => {
  const at = args.findIndex((arg) => arg === '--workers' || arg.startsWith('--workers='));
  if (at === -1) return Math.min(2, availableParallelism());
  const count = Number(args[at].includes('=') ? args[at].slice('--workers='.length) : args[at + 1]);
  return Number.isInteger(count) && count > 0 && count <= 64 ? count : 0;
};
// `scan`'s workers load their code while this thread loads the command line's (the pool adopts
// them): started first, since everything below delays their first object.
if (args[0] === 'scan') prestartWorkers(scanWorkers());
try {
  // Plain JavaScript dependencies load faster before the hook, which would inspect each of their files.
  for (const dependency of ['zod/mini', 'zod/v4/core', 'zod/v4/locales/en.js']) require(dependency);
  const askedForSourceMaps = process.sourceMapsEnabled;
  require('tsx/cjs/api').register();
  // tsx turns source maps on, which makes Node parse every module's inline map as it compiles it
  // (an eighth of the start-up). Commands print messages, not stack traces; whoever needs mapped
  // stacks asks for them with NODE_OPTIONS=--enable-source-maps.
  process.setSourceMapsEnabled(askedForSourceMaps);
  ({ main } = require('./main.ts'));
} catch {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('./main.ts'));
}
process.exitCode = await main(args);
