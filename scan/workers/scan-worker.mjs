// A scan worker thread's entry: the compiled worker when the command line's build is up to date
// (cli/compiled-cli.mjs; workers never build it themselves), else the TypeScript through tsx.
// Workers do not inherit the tsx hook that `cli/rootwatch.mjs` registers, so each registers one,
// resolved from this file wherever the command was started. The CommonJS hook, because it works in
// the worker's own thread: the ESM hook starts one more loader thread per worker, which tripled the
// workers' start-up CPU (0.3 s against 1.05 s for two workers).
import { createRequire } from 'node:module';
import { importCompiled } from '../../cli/compiled-cli.mjs';

const compiled = await importCompiled('scan-worker', { buildIfStale: false });
if (!compiled) {
  const require = createRequire(import.meta.url);
  require('tsx/cjs/api').register();
  // Errors in a worker become messages (an unreadable object), never stack traces; source maps
  // would only cost the parsing of every module's map.
  process.setSourceMapsEnabled(false);
  require('./scan-worker.ts');
}
