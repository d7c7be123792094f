import { CoverageCheckConfigSchema } from '../../schemas/coverage-check-config.ts';
import { loadConfig } from '../load-config.ts';
import { buildCoverageDeps } from './aws-deps.ts';
import { makeCoverageHandler } from './make-coverage-handler.ts';

/**
 * The coverage check's entry point (`index.handler` in dist/lambda/coverage/index.mjs): the
 * configuration parsed at cold start (a bad setting fails the init with every problem named), the
 * clients built once per container.
 */
export const handler = makeCoverageHandler(
  await buildCoverageDeps(loadConfig(CoverageCheckConfigSchema, process.env)),
);
