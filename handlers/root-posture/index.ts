import { PostureConfigSchema } from '../../schemas/posture-config.ts';
import { functionPlace } from '../function-place.ts';
import { loadConfig } from '../load-config.ts';
import { buildPostureDeps } from './aws-deps.ts';
import type { PostureHandlerDeps } from './make-posture-handler.ts';
import { makePostureHandler } from './make-posture-handler.ts';

/** Parsed at cold start: a bad setting fails the init with every problem named. */
const config = loadConfig(PostureConfigSchema, process.env);
let deps: PostureHandlerDeps | undefined;

/**
 * The scheduled posture audit's entry point (`index.handler` in dist/lambda/root-posture/index.mjs). The
 * clients are built on the first invocation, once the function's own account is known from its
 * ARN (Lambda puts no account in the environment).
 */
export const handler = async (
  event: unknown,
  context: { awsRequestId?: string; invokedFunctionArn?: string },
) => {
  deps ??= buildPostureDeps(config, { homeAccount: functionPlace(context.invokedFunctionArn).account });
  return makePostureHandler(deps)(event, context);
};
