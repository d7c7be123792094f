import { buildImportDeps } from './aws-deps.ts';
import { makeImportHandler } from './make-import-handler.ts';

/** The Security Hub import's entry point (`index.handler` in dist/lambda/security-hub-import/index.mjs). */
export const handler = makeImportHandler(buildImportDeps(process.env));
