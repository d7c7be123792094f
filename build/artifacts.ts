import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FunctionName } from '../infra/lambda-dirs.ts';

/** The repository, where `npm run build` runs. */
const REPO = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(REPO, 'dist');

/** Each function's handler source, built into dist/lambda/<name>/index.mjs (infra/lambda-dirs.ts). */
const FUNCTION_ENTRIES: Record<FunctionName, string> = {
  'root-activity': 'handlers/root-activity/index.ts',
  'root-posture': 'handlers/root-posture/index.ts',
  notifier: 'handlers/notifier/index.ts',
  'security-hub-import': 'handlers/security-hub-import/index.ts',
  completeness: 'handlers/completeness/index.ts',
  coverage: 'handlers/coverage/index.ts',
};

/** The built entry of a function, relative to the repository. */
const lambdaEntry = (name: FunctionName): string => `dist/lambda/${name}/index.mjs`;

/** The command line: the package's bin and the scan worker thread's entry. */
const CLI_ENTRIES = { rootwatch: 'cli/rootwatch.ts', 'scan-worker': 'cli/scan-worker.ts' } as const;
const CLI_BIN = 'dist/cli/rootwatch.mjs';

/** WebAssembly written as text in the repository, and where the build writes each module (beside the CLI that loads it). */
const WASM_MODULES = { 'scan/spans/structural-scan.wat': 'dist/cli/structural-scan.wasm' } as const;

/** The library faces: `rootwatch` and `rootwatch/cdk`, compiled with their declarations into dist/lib/. */
const LIBRARY_ENTRIES = ['index.ts', 'infra/index.ts'] as const;

export { REPO, DIST, FUNCTION_ENTRIES, lambdaEntry, CLI_ENTRIES, CLI_BIN, WASM_MODULES, LIBRARY_ENTRIES };
