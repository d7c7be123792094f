import { randomUUID } from 'node:crypto';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { Detector } from '../../detection/detector.ts';
import { HANDLER_ENV } from '../../schemas/handler-config.ts';
import { CloudWatchLogsRecordSink } from '../../sinks/cloudwatch-logs-record-sink.ts';
import { EventBridgeAlertSink } from '../../sinks/eventbridge-alert-sink.ts';
import type { Logger } from '../../sinks/logger.ts';
import { createLogger } from '../../sinks/logger.ts';
import type { RetryPolicy } from '../../sinks/retry.ts';
import { HandlerConfigSchema } from '../../schemas/handler-config.ts';
import { loadConfig } from '../load-config.ts';
import type { HandlerDeps } from './make-handler.ts';

/**
 * The SDK retries nothing (`maxAttempts: 1`): sinks/retry.ts is the one retry layer. A request
 * that hangs is abandoned after `requestTimeout` and retried, well within the function's timeout.
 */
const CLIENT_CONFIG = { maxAttempts: 1, requestHandler: { requestTimeout: 3_000, connectionTimeout: 1_000 } };

/** One stream per container: `rootwatch/<date>/<uuid>` (no ':' or '*', at most 512 characters [CWL-CLS]). */
const containerStreamName = (now: Date): string =>
  `rootwatch/${now.toISOString().slice(0, 10)}/${randomUUID()}`;

interface AwsDepsOptions {
  logger?: Logger;
  retry?: RetryPolicy;
}

/**
 * The composition root for AWS: config from the environment (parsed once; a bad value fails the cold
 * start with every problem named), the SDK clients (region and endpoint from the SDK's own
 * `AWS_REGION`/`AWS_ENDPOINT_URL`), the logger and the sinks, all built once per container.
 */
const buildAwsDeps = (env: Record<string, string | undefined>, options: AwsDepsOptions = {}): HandlerDeps => {
  const config = loadConfig(HandlerConfigSchema, env);
  const logger = options.logger ?? createLogger({ level: config[HANDLER_ENV.logLevel] });
  const retry = options.retry ? { retry: options.retry } : {};
  return {
    detector: new Detector(config[HANDLER_ENV.detectorConfig]),
    records: new CloudWatchLogsRecordSink({
      client: new CloudWatchLogsClient(CLIENT_CONFIG),
      logGroupName: config[HANDLER_ENV.logGroup],
      logStreamName: containerStreamName(new Date()),
      ...retry,
    }),
    alerts: new EventBridgeAlertSink({
      client: new EventBridgeClient(CLIENT_CONFIG),
      eventBusName: config[HANDLER_ENV.alertBus],
      ...retry,
    }),
    logger,
    alertMinSeverity: config[HANDLER_ENV.alertMinSeverity],
  };
};

export { buildAwsDeps, containerStreamName, CLIENT_CONFIG };
