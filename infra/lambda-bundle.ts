import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as lambda from 'aws-cdk-lib/aws-lambda';

/** Where `npm run bundle` writes the Lambda artifacts (ESM, exporting `handler`): the detector's, */
const BUNDLE_DIR = fileURLToPath(new URL('../dist/root-activity', import.meta.url));
/** the posture audit's, */
const POSTURE_BUNDLE_DIR = fileURLToPath(new URL('../dist/root-posture', import.meta.url));
/** the notifier's, */
const NOTIFIER_BUNDLE_DIR = fileURLToPath(new URL('../dist/notifier', import.meta.url));
/** the Security Hub import's, */
const SECURITY_HUB_IMPORT_BUNDLE_DIR = fileURLToPath(new URL('../dist/security-hub-import', import.meta.url));
/** and the completeness scan's. */
const COMPLETENESS_BUNDLE_DIR = fileURLToPath(new URL('../dist/completeness', import.meta.url));
/** The handler string for that artifact: `index.mjs`, export `handler`. */
const BUNDLE_HANDLER = 'index.handler';

/**
 * The function code: the directory `npm run bundle` wrote, without its source map (it only grows
 * the package and the cold start). Fails early and says what to do when the bundle is missing, as
 * on a fresh clone before the first `npm run bundle` (cdk.json's app command runs it first).
 * @see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-package.html
 */
const bundleCode = (dir: string = BUNDLE_DIR, prop = 'code'): lambda.Code => {
  const entry = join(dir, 'index.mjs');
  if (!existsSync(entry)) {
    throw new Error(
      `rootwatch: the Lambda bundle ${entry} does not exist: run \`npm run bundle\` first, or pass the \`${prop}\` prop`,
    );
  }
  return lambda.Code.fromAsset(dir, { exclude: ['*.map'] });
};

export {
  bundleCode,
  BUNDLE_DIR,
  POSTURE_BUNDLE_DIR,
  NOTIFIER_BUNDLE_DIR,
  SECURITY_HUB_IMPORT_BUNDLE_DIR,
  COMPLETENESS_BUNDLE_DIR,
  BUNDLE_HANDLER,
};
