import { SNSClient } from '@aws-sdk/client-sns';
import { NOTIFIER_ENV, NotifierConfigSchema } from '../../schemas/notifier-config.ts';
import type { Logger } from '../../adapters/logger.ts';
import { createLogger } from '../../adapters/logger.ts';
import type { RetryPolicy } from '../../adapters/retry.ts';
import { SnsPublisher } from '../../adapters/sns-publisher.ts';
import { loadConfig } from '../load-config.ts';
import { CLIENT_CONFIG } from '../root-activity/aws-deps.ts';
import type { NotifierDeps } from './make-notifier-handler.ts';

/** The notifier's composition root: config from the environment, the SNS client and the logger, once per container. */
const buildNotifierDeps = (
  env: Record<string, string | undefined>,
  options: { logger?: Logger; retry?: RetryPolicy } = {},
): NotifierDeps => {
  const config = loadConfig(NotifierConfigSchema, env);
  return {
    topic: new SnsPublisher({
      client: new SNSClient(CLIENT_CONFIG),
      topicArn: config[NOTIFIER_ENV.topicArn],
      ...(options.retry && { retry: options.retry }),
    }),
    logger: options.logger ?? createLogger({ level: config[NOTIFIER_ENV.logLevel] }),
  };
};

export { buildNotifierDeps };
