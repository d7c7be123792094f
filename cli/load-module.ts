import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * Loads one of our modules when it is first needed, so that the command line starts without it.
 * `load` is the `import()` itself, written out so that the compiled command line (cli/compiled-cli.mjs)
 * bundles the module as a chunk of its own; vitest and tsx's ESM hook run it as is. Under the CLI's
 * CommonJS hook (`cli/rootwatch.mjs` without a compiled build) Node's `import()` knows no `.ts`, and
 * `require` of `url`, the same module, does.
 */
const loadModule = async <T>(load: () => Promise<unknown>, url: URL): Promise<T> => {
  try {
    return (await load()) as T;
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
    return createRequire(import.meta.url)(fileURLToPath(url)) as T;
  }
};

export { loadModule };
