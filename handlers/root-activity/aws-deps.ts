import { randomUUID } from 'node:crypto';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { Detector } from '../../detection/detector.ts';
import { IncidentTracker } from '../../incidents/incident-tracker.ts';
import { loadDeployedSuppressions } from '../load-suppressions.ts';
import { HANDLER_ENV } from '../../schemas/handler-config.ts';
import { CloudWatchLogsRecordSink } from '../../adapters/cloudwatch-logs-record-sink.ts';
import { DynamoDbLivenessStore } from '../../adapters/dynamodb-liveness-store.ts';
import { DynamoDbVersionedStore } from '../../adapters/dynamodb-versioned-store.ts';
import { EventBridgeAlertSink } from '../../adapters/eventbridge-alert-sink.ts';
import type { Logger } from '../../adapters/logger.ts';
import { createLogger } from '../../adapters/logger.ts';
import type { RetryPolicy } from '../../adapters/retry.ts';
import { HandlerConfigSchema } from '../../schemas/handler-config.ts';
import { loadConfig } from '../load-config.ts';
import type { HandlerDeps } from './make-handler.ts';

/**
 * The SDK retries nothing (`maxAttempts: 1`): adapters/retry.ts is the one retry layer. A request
 * that hangs is abandoned after `requestTimeout` and retried, and the handler's budget
 * (handlers/invocation-budget.ts) ends the retries before the function's timeout. The timeout is
 * only real with `throwOnRequestTimeout`: without it, @smithy/node-http-handler logs a warning when
 * `requestTimeout` passes and goes on waiting (its NodeHttpHandlerOptions).
 */
const CLIENT_CONFIG = {
  maxAttempts: 1,
  requestHandler: { requestTimeout: 3_000, connectionTimeout: 1_000, throwOnRequestTimeout: true },
};

/**
 * One stream per container: `<function>/<date>/<uuid>`, `rootwatch/…` for the live detector (no ':'
 * or '*', at most 512 characters [CWL-CLS]).
 */
const containerStreamName = (now: Date, name = 'rootwatch'): string =>
  `${name}/${now.toISOString().slice(0, 10)}/${randomUUID()}`;

interface AwsDepsOptions {
  logger?: Logger;
  retry?: RetryPolicy;
  /** Where the deployed files are (the suppression rules): Lambda's LAMBDA_TASK_ROOT by default. */
  taskRoot?: string;
  now?: () => Date;
}

/**
 * The incident store, when a table is configured. The DynamoDB client is loaded only then, from a
 * chunk of its own: a deployment without incidents does not parse it at cold start.
 */
const incidentTracker = async (
  tableName: string | undefined,
  { quietMinutes, now, retry }: { quietMinutes: number; now: () => Date; retry: { retry?: RetryPolicy } },
) => {
  if (!tableName) return undefined;
  const store = await DynamoDbVersionedStore.connect({ tableName, clientConfig: CLIENT_CONFIG, ...retry });
  return new IncidentTracker(store, { quietMs: quietMinutes * 60_000, now: () => now().getTime() });
};

/** The liveness store, when a table is configured (its DynamoDB client a chunk of its own, as above). */
const livenessStore = async (tableName: string | undefined, retry: { retry?: RetryPolicy }) =>
  tableName
    ? await DynamoDbLivenessStore.connect({ tableName, clientConfig: CLIENT_CONFIG, ...retry })
    : undefined;

/**
 * The composition root for AWS: config from the environment (parsed once; a bad value fails the cold
 * start with every problem named), the SDK clients (region and endpoint from the SDK's own
 * `AWS_REGION`/`AWS_ENDPOINT_URL`), the logger, the sinks, the incident store and the suppression
 * rules deployed with the function, all built once per container.
 */
const buildAwsDeps = async (
  env: Record<string, string | undefined>,
  options: AwsDepsOptions = {},
): Promise<HandlerDeps> => {
  const config = loadConfig(HandlerConfigSchema, env);
  const logger = options.logger ?? createLogger({ level: config[HANDLER_ENV.logLevel] });
  const retry = options.retry ? { retry: options.retry } : {};
  const now = options.now ?? (() => new Date());
  const suppressions = loadDeployedSuppressions(config[HANDLER_ENV.suppressionsFile], {
    taskRoot: options.taskRoot ?? env.LAMBDA_TASK_ROOT,
    logger,
    now: now(),
  });
  return {
    detector: new Detector(config[HANDLER_ENV.detectorConfig]),
    incidents: await incidentTracker(config[HANDLER_ENV.incidentTable], {
      quietMinutes: config[HANDLER_ENV.incidentQuietMinutes],
      now,
      retry,
    }),
    suppressions,
    now,
    liveness: await livenessStore(config[HANDLER_ENV.livenessTable], retry),
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
