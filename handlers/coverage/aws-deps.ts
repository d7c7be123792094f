import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { CloudWatchLogsRecordSink } from '../../adapters/cloudwatch-logs-record-sink.ts';
import { awsCoverageSources } from '../../adapters/coverage-sources.ts';
import { EventBridgeAlertSink } from '../../adapters/eventbridge-alert-sink.ts';
import type { Logger } from '../../adapters/logger.ts';
import { createLogger } from '../../adapters/logger.ts';
import type { RetryPolicy } from '../../adapters/retry.ts';
import { COVERAGE_ENV } from '../../schemas/coverage-check-config.ts';
import type { CoverageCheckConfig } from '../../schemas/coverage-check-config.ts';
import { CLIENT_CONFIG, containerStreamName } from '../root-activity/aws-deps.ts';
import type { CoverageCheckDeps } from './make-coverage-handler.ts';

interface CoverageDepsOptions {
  logger?: Logger;
  retry?: RetryPolicy;
  now?: () => Date;
}

/**
 * The composition root of the coverage check: the coverage sources (liveness table, CloudTrail,
 * Account Management), the record and alert sinks and the logger, built once per container from
 * the parsed configuration.
 */
const buildCoverageDeps = async (
  config: CoverageCheckConfig,
  options: CoverageDepsOptions = {},
): Promise<CoverageCheckDeps> => {
  const retry = options.retry ? { retry: options.retry } : {};
  const now = options.now ?? (() => new Date());
  return {
    sources: await awsCoverageSources(config[COVERAGE_ENV.livenessTable], CLIENT_CONFIG, options.retry),
    records: new CloudWatchLogsRecordSink({
      client: new CloudWatchLogsClient(CLIENT_CONFIG),
      logGroupName: config[COVERAGE_ENV.logGroup],
      logStreamName: containerStreamName(now(), 'rootwatch-coverage'),
      ...retry,
    }),
    alerts: new EventBridgeAlertSink({
      client: new EventBridgeClient(CLIENT_CONFIG),
      eventBusName: config[COVERAGE_ENV.alertBus],
      ...retry,
    }),
    logger: options.logger ?? createLogger({ level: config[COVERAGE_ENV.logLevel] }),
    settings: {
      silentAfterMinutes: config[COVERAGE_ENV.silentMinutes],
      accounts: config[COVERAGE_ENV.accounts],
      enabledRegions: config[COVERAGE_ENV.enabledRegions],
      trails: config[COVERAGE_ENV.trails],
    },
    now,
  };
};

export { buildCoverageDeps };
export type { CoverageDepsOptions };
