#!/usr/bin/env node
// The `rootwatch` command. The CLI is TypeScript that runs right after `npm ci`, with no build step:
// compiled on its first use into node_modules/.cache and rebuilt when a source changes
// (cli/compiled-cli.mjs), or else run through tsx. tsx's CommonJS hook works in this thread, while
// its ESM hook starts a loader thread that costs 0.4 s of CPU at every start. So, through tsx, the
// CLI's modules are required: tsx turns their ESM syntax into CommonJS. When `cli/main.ts` cannot be
// loaded that way (a module CommonJS cannot express, with top-level await; or a syntax error, which
// the ESM hook then reports with its stack), the CLI falls back to the ESM hook. Our own modules are
// loaded lazily with `loadModule` (cli/load-module.ts), which works in all three ways.
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { prestartWorkers } from '../scan/workers/prestart-workers.mjs';
import { importCompiled } from './compiled-cli.mjs';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
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
/** The command line's `main`, through tsx. */
const mainThroughTsx = async () => {
  try {
    // Plain JavaScript dependencies load faster before the hook, which would inspect each of their files.
    for (const dependency of ['zod/mini', 'zod/v4/core', 'zod/v4/locales/en.js']) require(dependency);
    const askedForSourceMaps = process.sourceMapsEnabled;
    require('tsx/cjs/api').register();
    // tsx turns source maps on, which makes Node parse every module's inline map as it compiles it
    // (an eighth of the start-up). Commands print messages, not stack traces; whoever needs mapped
    // stacks asks for them with NODE_OPTIONS=--enable-source-maps.
    process.setSourceMapsEnabled(askedForSourceMaps);
    return require('./main.ts').main;
  } catch {
    const { register } = await import('tsx/esm/api');
    register();
    return (await import('./main.ts')).main;
  }
};

const { main } = (await importCompiled('main')) ?? { main: await mainThroughTsx() };
process.exitCode = await main(args);
