import { CompletenessConfigSchema } from '../../schemas/completeness-config.ts';
import { loadConfig } from '../load-config.ts';
import { buildCompletenessDeps } from './aws-deps.ts';
import { makeCompletenessHandler } from './make-completeness-handler.ts';

/**
 * The completeness scan's entry point (`index.handler` in dist/lambda/completeness/index.mjs): the
 * configuration parsed at cold start (a bad setting fails the init with every problem named), the
 * clients built once per container.
 */
export const handler = makeCompletenessHandler(
  buildCompletenessDeps(loadConfig(CompletenessConfigSchema, process.env), process.env),
);
