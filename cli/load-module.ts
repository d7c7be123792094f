import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * Loads one of our modules when it is first needed, so that the command line starts without it.
 * `import()` where a loader for `.ts` is there (the tsx ESM hook, vitest); under the CLI's
 * CommonJS hook (`cli/rootwatch.mjs`) Node's `import()` knows no `.ts`, and `require` does.
 */
const loadModule = async <T>(url: URL): Promise<T> => {
  try {
    return (await import(url.href)) as T;
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
    return createRequire(import.meta.url)(fileURLToPath(url)) as T;
  }
};

export { loadModule };
