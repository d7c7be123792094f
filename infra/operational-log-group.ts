import { RemovalPolicy } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { logsKeyPolicyStatement } from './encryption.ts';

interface OperationalLogGroupProps {
  /** `/<prefix>/…`, as a plain string: the KMS encryption context is the group's ARN, needed before deployment. */
  readonly logGroupName: string;
  readonly retention: logs.RetentionDays;
  /** The detector's key. */
  readonly key: kms.IKey;
  /**
   * Add a statement with this Sid to the key's policy that lets CloudWatch Logs use the key for this
   * group: for a group the detector key's own statement does not name (encryption.ts `detectorKey`).
   * @default - no statement: the key policy names the group already
   */
  readonly keyPolicySid?: string;
}

/**
 * A log group of rootwatch's operation (a function's own log, the heartbeat arrivals): encrypted
 * with the detector's key and removed with the stack, unlike the record log group (record-log.ts),
 * whose records are the evidence and are kept.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
 */
const operationalLogGroup = (
  scope: Construct,
  id: string,
  props: OperationalLogGroupProps,
): logs.LogGroup => {
  const logGroup = new logs.LogGroup(scope, id, {
    logGroupName: props.logGroupName,
    retention: props.retention,
    encryptionKey: props.key,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  if (props.keyPolicySid)
    props.key.addToResourcePolicy(logsKeyPolicyStatement(scope, props.keyPolicySid, props.logGroupName));
  return logGroup;
};

export { operationalLogGroup };
export type { OperationalLogGroupProps };
