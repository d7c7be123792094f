import { archiveReadSettings } from '../../adapters/archive-reads.ts';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { COMPLETENESS_ENV } from '../../schemas/completeness-config.ts';
import type { CompletenessConfig } from '../../schemas/completeness-config.ts';
import { trailWindowSource } from '../../adapters/trail-window-source.ts';
import { CloudWatchLogsFindingReader } from '../../adapters/cloudwatch-logs-finding-reader.ts';
import { CloudWatchLogsRecordSink } from '../../adapters/cloudwatch-logs-record-sink.ts';
import { EventBridgeAlertSink } from '../../adapters/eventbridge-alert-sink.ts';
import type { Logger } from '../../adapters/logger.ts';
import { createLogger } from '../../adapters/logger.ts';
import type { RetryPolicy } from '../../adapters/retry.ts';
import { loadDeployedSanctionedTasks, loadDeployedSuppressions } from '../load-suppressions.ts';
import { CLIENT_CONFIG, containerStreamName } from '../root-activity/aws-deps.ts';
import type { CompletenessDeps } from './make-completeness-handler.ts';
import { scanTrail } from './scan-trail.ts';

interface CompletenessDepsOptions {
  logger?: Logger;
  retry?: RetryPolicy;
  /** Where the deployed files are (the suppression rules): Lambda's LAMBDA_TASK_ROOT by default. */
  taskRoot?: string;
  /** Accounts listed at once, and objects read at once. */
  listConcurrency?: number;
  readCapacity?: number;
  now?: () => Date;
}

/** The trail bucket's client, set up as every archive reader (`archiveReadSettings`). */
const trailClient = (env: Record<string, string | undefined>): S3Client =>
  new S3Client(archiveReadSettings(env));

/**
 * The composition root of the completeness scan: the S3 client of the trail bucket, the reader of
 * the record log group, the record and alert sinks, the logger and the suppression rules deployed
 * with the function, all built once per container from the parsed configuration.
 */
const buildCompletenessDeps = (
  config: CompletenessConfig,
  env: Record<string, string | undefined>,
  options: CompletenessDepsOptions = {},
): CompletenessDeps => {
  const retry = options.retry ? { retry: options.retry } : {};
  const now = options.now ?? (() => new Date());
  const logger = options.logger ?? createLogger({ level: config[COMPLETENESS_ENV.logLevel] });
  const deployedFiles = { taskRoot: options.taskRoot ?? env.LAMBDA_TASK_ROOT, logger, now: now() };
  const suppressions = [
    ...loadDeployedSuppressions(config[COMPLETENESS_ENV.suppressionsFile], deployedFiles),
    ...loadDeployedSanctionedTasks(config[COMPLETENESS_ENV.sanctionedTasksFile], deployedFiles),
  ];
  const s3 = trailClient(env);
  const logs = new CloudWatchLogsClient(CLIENT_CONFIG);
  const logGroupName = config[COMPLETENESS_ENV.logGroup];
  const alertMinSeverity = config[COMPLETENESS_ENV.alertMinSeverity];
  const prefix = config[COMPLETENESS_ENV.trailPrefix];
  return {
    scanTrail: async (plan, stop) =>
      scanTrail({
        source: await trailWindowSource({
          client: s3,
          bucket: config[COMPLETENESS_ENV.trailBucket],
          from: plan.objects.from,
          to: plan.objects.to,
          stop,
          ...(options.listConcurrency && { concurrency: options.listConcurrency }),
        }),
        prefix,
        plan,
        detectorConfig: config[COMPLETENESS_ENV.detectorConfig],
        ...(options.readCapacity && { capacity: options.readCapacity }),
      }),
    recorded: new CloudWatchLogsFindingReader({ client: logs, logGroupName, ...retry }),
    records: new CloudWatchLogsRecordSink({
      client: logs,
      logGroupName,
      logStreamName: containerStreamName(now(), 'rootwatch-completeness'),
      ...retry,
    }),
    alerts: new EventBridgeAlertSink({
      client: new EventBridgeClient(CLIENT_CONFIG),
      eventBusName: config[COMPLETENESS_ENV.alertBus],
      ...retry,
    }),
    logger,
    alertMinSeverity,
    suppressions,
    settings: {
      windowHours: config[COMPLETENESS_ENV.windowHours],
      settleMinutes: config[COMPLETENESS_ENV.settleMinutes],
    },
    now,
  };
};

export { buildCompletenessDeps, trailClient };
export type { CompletenessDepsOptions };
