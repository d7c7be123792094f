import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SecurityHubClient } from '@aws-sdk/client-securityhub';
import { SNSClient } from '@aws-sdk/client-sns';
import { CLIENT_CONFIG } from '../../handlers/root-activity/aws-deps.ts';
import type { RetryPolicy } from '../../adapters/retry.ts';

const TEST_CREDENTIALS = { accessKeyId: 'AKIDLOCALTEST', secretAccessKey: 'local-test-secret' };
const TEST_REGION = 'us-east-1';

/** Real SDK clients, configured as in production, pointed at a local endpoint. */
const localClients = (endpoint: string) => {
  const config = { ...CLIENT_CONFIG, endpoint, region: TEST_REGION, credentials: TEST_CREDENTIALS };
  return {
    logs: new CloudWatchLogsClient(config),
    events: new EventBridgeClient(config),
    sns: new SNSClient(config),
    securityHub: new SecurityHubClient(config),
  };
};

/** The environment a Lambda would have, pointing the SDK at a local endpoint. */
const localAwsEnv = (endpoint: string, extra: Record<string, string> = {}): Record<string, string> => ({
  AWS_ENDPOINT_URL: endpoint,
  AWS_REGION: TEST_REGION,
  AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
  ...extra,
});

/** Where the completeness function reads the trail, and writes records and alerts. */
interface CompletenessTargets {
  bucket: string;
  /** The key prefix above the account folders, ending in `/`. */
  prefix: string;
  logGroup: string;
  alertBus: string;
}

/**
 * The environment of the completeness function with its trail in a local S3 server (s3rver) and
 * CloudWatch Logs and EventBridge at a local endpoint.
 */
const localCompletenessEnv = (
  endpoint: string,
  s3Endpoint: string,
  targets: CompletenessTargets,
  extra: Record<string, string> = {},
): Record<string, string> =>
  localAwsEnv(endpoint, {
    AWS_ENDPOINT_URL_S3: s3Endpoint,
    // s3rver's fixed credentials (not secrets); the local endpoint takes any signed request.
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    ROOTWATCH_ALERT_BUS: targets.alertBus,
    ROOTWATCH_LOG_GROUP: targets.logGroup,
    ROOTWATCH_TRAIL_BUCKET: targets.bucket,
    ROOTWATCH_TRAIL_PREFIX: targets.prefix,
    ...extra,
  });

/** Retries without real waiting, for tests that inject many faults. */
const FAST_RETRY: RetryPolicy = { attempts: 10, baseDelayMs: 1, maxDelayMs: 5 };

export { localClients, localAwsEnv, localCompletenessEnv, FAST_RETRY, TEST_REGION };
export type { CompletenessTargets };
