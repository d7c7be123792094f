import { SNSClient } from '@aws-sdk/client-sns';
import { NOTIFIER_ENV, NotifierConfigSchema } from '../../schemas/notifier-config.ts';
import type { Logger } from '../../adapters/logger.ts';
import { createLogger } from '../../adapters/logger.ts';
import type { RetryPolicy } from '../../adapters/retry.ts';
import { SnsPublisher } from '../../adapters/sns-publisher.ts';
import { loadConfig } from '../load-config.ts';
import { CLIENT_CONFIG } from '../root-activity/aws-deps.ts';
import type { NotifierDeps } from './make-notifier-handler.ts';
import { DynamoDbVersionedStore } from '../../adapters/dynamodb-versioned-store.ts';
import type { VersionedStore } from '../../incidents/versioned-store.ts';
import { MemoryVersionedStore } from '../../incidents/versioned-store.ts';
import { SentAlerts } from './sent-alerts.ts';

/** Alerts one container remembers without the incident table: far more than a day of pages, bounded. */
const MEMORY_SENT_ALERTS = 10_000;

/**
 * Where the ids of published alerts are kept: the incident table, shared by every container, when
 * one is configured; else this container's memory.
 */
const sentAlertsStore = async (
  tableName: string | undefined,
  retry?: RetryPolicy,
): Promise<VersionedStore> =>
  tableName
    ? DynamoDbVersionedStore.connect({ tableName, clientConfig: CLIENT_CONFIG, ...(retry && { retry }) })
    : new MemoryVersionedStore({ maxItems: MEMORY_SENT_ALERTS });

/**
 * The notifier's composition root: config from the environment, the SNS client, the store of sent
 * alerts and the logger, once per container.
 */
const buildNotifierDeps = async (
  env: Record<string, string | undefined>,
  options: { logger?: Logger; retry?: RetryPolicy; now?: () => number } = {},
): Promise<NotifierDeps> => {
  const config = loadConfig(NotifierConfigSchema, env);
  const store = await sentAlertsStore(config[NOTIFIER_ENV.incidentTable], options.retry);
  return {
    sentAlerts: new SentAlerts(store, options.now ? { now: options.now } : {}),
    sharedLedger: Boolean(config[NOTIFIER_ENV.incidentTable]),
    topic: new SnsPublisher({
      client: new SNSClient(CLIENT_CONFIG),
      topicArn: config[NOTIFIER_ENV.topicArn],
      ...(options.retry && { retry: options.retry }),
    }),
    logger: options.logger ?? createLogger({ level: config[NOTIFIER_ENV.logLevel] }),
  };
};

export { buildNotifierDeps };
