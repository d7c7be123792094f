import { buildAwsDeps } from './aws-deps.ts';
import { makeHandler } from './make-handler.ts';

/** The Lambda entry point (`index.handler` in dist/lambda/root-activity/index.mjs): dependencies built once per container. */
export const handler = makeHandler(await buildAwsDeps(process.env));
