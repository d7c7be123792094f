#!/usr/bin/env node
// The `rootwatch` command. The CLI is TypeScript, run through tsx so that `npx rootwatch` works right
// after `npm ci`, with no build step. tsx's CommonJS hook works in this thread, while its ESM hook
// starts a loader thread that costs 0.4 s of CPU at every start (a third of a small scan's CPU). So
// the CLI's modules are required: tsx turns their ESM syntax into CommonJS. A module that CommonJS
// cannot express (top-level await) makes the CLI fall back to the ESM hook. The CLI's code must not
// import() our own .ts modules: under the CommonJS hook, such an import has no loader for `.ts`.
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
let main;
try {
  // Plain JavaScript dependencies load faster before the hook, which would inspect each of their files.
  for (const dependency of ['zod/mini', 'zod/v4/core', 'zod/v4/locales/en.js']) require(dependency);
  require('tsx/cjs/api').register();
  // `scan`'s workers load their code while this thread loads the command line's (the pool adopts them).
  if (args[0] === 'scan' && !args.includes('--workers')) {
    require('../scan/workers/worker-pool.ts').prestartWorkers(Math.min(2, availableParallelism()));
  }
  ({ main } = require('./main.ts'));
} catch {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('./main.ts'));
}
process.exitCode = await main(args);
