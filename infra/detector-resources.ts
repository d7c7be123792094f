import type * as events from 'aws-cdk-lib/aws-events';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { RootActivityDetector } from './root-activity-detector.ts';

/**
 * What a scheduled job beside the detector (the posture audit, the completeness scan) shares with
 * it: it records and alerts as the detector does, and is watched by the same operations.
 */
interface DetectorResources {
  /** The detector's key, which also encrypts the job's log group, records and dead letters. */
  readonly key: kms.Key;
  readonly recordLogGroup: logs.ILogGroup;
  /** The record log group's name, as a plain string: the KMS encryption context is its ARN without `:*`. */
  readonly recordLogGroupName: string;
  readonly alertBus: events.IEventBus;
  readonly deadLetterQueue: sqs.IQueue;
  readonly operationsTopic: sns.ITopic;
}

/** Those of `detector`. */
const detectorResources = (detector: RootActivityDetector): DetectorResources => ({
  key: detector.key,
  recordLogGroup: detector.recordLogGroup,
  recordLogGroupName: detector.recordLogGroupName,
  alertBus: detector.alertBus,
  deadLetterQueue: detector.deadLetterQueue,
  operationsTopic: detector.operationsTopic,
});

export { detectorResources };
export type { DetectorResources };
