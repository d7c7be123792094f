import { buildNotifierDeps } from './aws-deps.ts';
import { makeNotifierHandler } from './make-notifier-handler.ts';

/** The notifier's entry point (`index.handler` in dist/lambda/notifier/index.mjs): dependencies built once per container. */
export const handler = makeNotifierHandler(await buildNotifierDeps(process.env));
