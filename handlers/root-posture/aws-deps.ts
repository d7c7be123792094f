import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { STSClient } from '@aws-sdk/client-sts';
import { POSTURE_ENV } from '../../schemas/posture-config.ts';
import type { PostureConfig } from '../../schemas/posture-config.ts';
import { CloudWatchLogsRecordSink } from '../../adapters/cloudwatch-logs-record-sink.ts';
import { EventBridgeAlertSink } from '../../adapters/eventbridge-alert-sink.ts';
import type { Logger } from '../../adapters/logger.ts';
import { createLogger } from '../../adapters/logger.ts';
import { DynamoDbPostureStateStore } from '../../adapters/posture-state-store.ts';
import type { RetryPolicy } from '../../adapters/retry.ts';
import { CLIENT_CONFIG, containerStreamName } from '../root-activity/aws-deps.ts';
import { IamPostureSource } from '../../adapters/iam-posture-source.ts';
import type { PostureHandlerDeps } from './make-posture-handler.ts';

interface PostureDepsOptions {
  logger?: Logger;
  retry?: RetryPolicy;
  pollDelayMs?: number;
  /** The account the function runs in (Lambda tells it per invocation; the source needs it up front). */
  homeAccount: string;
}

/** The composition root of the scheduled posture audit: clients, source, sinks and state from the config. */
const buildPostureDeps = (config: PostureConfig, options: PostureDepsOptions): PostureHandlerDeps => {
  const retry = options.retry ? { retry: options.retry } : {};
  return {
    source: new IamPostureSource({
      homeAccount: options.homeAccount,
      roleName: config[POSTURE_ENV.roleName],
      sts: new STSClient(CLIENT_CONFIG),
      clientConfig: CLIENT_CONFIG,
      organizationFeatures: config[POSTURE_ENV.organizationFeatures] === 'true',
      assumeRoot: config[POSTURE_ENV.assumeRoot] === 'true',
      ...retry,
      ...(options.pollDelayMs === undefined ? {} : { pollDelayMs: options.pollDelayMs }),
    }),
    records: new CloudWatchLogsRecordSink({
      client: new CloudWatchLogsClient(CLIENT_CONFIG),
      logGroupName: config[POSTURE_ENV.logGroup],
      logStreamName: containerStreamName(new Date(), 'rootwatch-posture'),
      ...retry,
    }),
    alerts: new EventBridgeAlertSink({
      client: new EventBridgeClient(CLIENT_CONFIG),
      eventBusName: config[POSTURE_ENV.alertBus],
      ...retry,
    }),
    state: new DynamoDbPostureStateStore({
      client: new DynamoDBClient(CLIENT_CONFIG),
      tableName: config[POSTURE_ENV.stateTable],
      ...retry,
    }),
    logger: options.logger ?? createLogger({ level: config[POSTURE_ENV.logLevel] }),
    accounts: config[POSTURE_ENV.accounts],
    settings: {
      windowDays: config[POSTURE_ENV.windowDays],
      minAccountAgeDays: config[POSTURE_ENV.minAccountAgeDays],
      cisVersions: config[POSTURE_ENV.detectorConfig].cisVersions,
    },
  };
};

export { buildPostureDeps };
