import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { FunctionName } from './lambda-dirs.ts';
import { lambdaDir } from './lambda-dirs.ts';

/** The handler string for a built function: `index.mjs`, export `handler`. */
const BUNDLE_HANDLER = 'index.handler';

/**
 * The code of one rootwatch function, shipped in the package's dist/lambda/ (ESM, exporting
 * `handler`), without its source map (it only grows the package and the cold start). Fails early
 * and says what to do when it is missing: in a clone whose build did not run.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-package.html
 */
const bundleCode = (name: FunctionName, prop = 'code', dir = lambdaDir(name)): lambda.Code => {
  const entry = join(dir, 'index.mjs');
  if (!existsSync(entry)) {
    throw new Error(
      `rootwatch: the Lambda code ${entry} does not exist: run \`npm run build\` first, or pass the \`${prop}\` prop`,
    );
  }
  return lambda.Code.fromAsset(dir, { exclude: ['*.map'] });
};

export { bundleCode, BUNDLE_HANDLER };
