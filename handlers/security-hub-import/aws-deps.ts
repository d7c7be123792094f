import { SecurityHubClient } from '@aws-sdk/client-securityhub';
import { HANDLER_ENV } from '../../schemas/handler-config.ts';
import { SecurityHubImportConfigSchema } from '../../schemas/security-hub-import-config.ts';
import type { Logger } from '../../adapters/logger.ts';
import { createLogger } from '../../adapters/logger.ts';
import type { RetryPolicy } from '../../adapters/retry.ts';
import { SecurityHubImporter } from '../../adapters/security-hub-importer.ts';
import { loadConfig } from '../load-config.ts';
import { CLIENT_CONFIG } from '../root-activity/aws-deps.ts';
import type { ImportHandlerDeps } from './make-import-handler.ts';

/** The import function's composition root: config, the Security Hub client and the logger, once per container. */
const buildImportDeps = (
  env: Record<string, string | undefined>,
  options: { logger?: Logger; retry?: RetryPolicy } = {},
): ImportHandlerDeps => {
  const config = loadConfig(SecurityHubImportConfigSchema, env);
  return {
    securityHub: new SecurityHubImporter({
      client: new SecurityHubClient(CLIENT_CONFIG),
      ...(options.retry && { retry: options.retry }),
    }),
    logger: options.logger ?? createLogger({ level: config[HANDLER_ENV.logLevel] }),
  };
};

export { buildImportDeps };
