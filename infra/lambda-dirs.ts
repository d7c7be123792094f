import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The rootwatch functions, each built by `npm run build` into `dist/lambda/<name>/index.mjs`. */
const FUNCTION_NAMES = [
  'root-activity',
  'root-posture',
  'notifier',
  'security-hub-import',
  'completeness',
  'coverage',
] as const;
type FunctionName = (typeof FUNCTION_NAMES)[number];

/**
 * The package's own folder, found by its name (Node resolves a package's own name from inside it
 * through `exports`), so that the construct finds the Lambda code shipped in the package both in
 * this repository and installed from the registry.
 */
const packageDir = (): string => dirname(createRequire(import.meta.url).resolve('rootwatch/package.json'));

/** Where the built code of one function lives. */
const lambdaDir = (name: FunctionName): string => join(packageDir(), 'dist/lambda', name);

export { FUNCTION_NAMES, lambdaDir };
export type { FunctionName };
