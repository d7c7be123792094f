import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The installed package's own folder, found by its name (Node resolves a package's own name from
 * inside it through `exports`), so that the same answer holds for the sources, the built command
 * line in dist/cli/ and its chunks, wherever the package is installed.
 */
const PACKAGE_DIR = dirname(createRequire(import.meta.url).resolve('rootwatch/package.json'));

/** The sample events `rootwatch replay` feeds when given no path (shipped in the package). */
const EVENTS_DIR = join(PACKAGE_DIR, 'events');

/** The scan worker thread's code, as `npm run build` writes it (cli/scan-worker.ts). */
const SCAN_WORKER_ENTRY = pathToFileURL(join(PACKAGE_DIR, 'dist/cli/scan-worker.mjs'));

/** The structural record scanner, as `npm run build` assembles it (scan/spans/structural-scan.wat). */
const STRUCTURAL_SCAN_WASM = join(PACKAGE_DIR, 'dist/cli/structural-scan.wasm');

export { PACKAGE_DIR, EVENTS_DIR, SCAN_WORKER_ENTRY, STRUCTURAL_SCAN_WASM };
