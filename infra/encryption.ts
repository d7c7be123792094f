import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/** The ARN CloudWatch Logs puts in the KMS encryption context: the log group's, without `:*`. */
const logGroupArn = (scope: Construct, name: string): string =>
  Stack.of(scope).formatArn({
    service: 'logs',
    resource: 'log-group',
    resourceName: name,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });

/**
 * The key policy statement that lets CloudWatch Logs use a key for the named log groups only (the
 * encryption context is the group's ARN): one name as a single value, a list as a list.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
 */
const logsKeyPolicyStatement = (
  scope: Construct,
  sid: string,
  logGroupNames: string | readonly string[],
): iam.PolicyStatement =>
  new iam.PolicyStatement({
    sid,
    principals: [new iam.ServicePrincipal(`logs.${Stack.of(scope).region}.amazonaws.com`)],
    actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
    resources: ['*'],
    conditions: {
      ArnEquals: {
        'kms:EncryptionContext:aws:logs:arn':
          typeof logGroupNames === 'string'
            ? logGroupArn(scope, logGroupNames)
            : logGroupNames.map((name) => logGroupArn(scope, name)),
      },
    },
  });

/**
 * The confused-deputy guard of a statement for a service principal: the service may use the key
 * only on behalf of this account's own resources (`aws:SourceAccount`) of one kind in this Region
 * (`aws:SourceArn`: EventBridge rules, CloudWatch alarms), not on behalf of another account's.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-encryption-key-policy.html (confused deputy)
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-conditions.html (aws:SourceArn: the rule's ARN)
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-confused-deputy.html
 */
const sourceConditions = (scope: Construct, sourceArnPattern: string) => ({
  StringEquals: { 'aws:SourceAccount': Stack.of(scope).account },
  ArnLike: { 'aws:SourceArn': sourceArnPattern },
});

/** The ARNs of this account's EventBridge rules in this Region, on any bus. */
const rulesHere = (scope: Construct): string =>
  Stack.of(scope).formatArn({ service: 'events', resource: 'rule', resourceName: '*' });

/** The ARNs of this account's CloudWatch alarms in this Region. */
const alarmsHere = (scope: Construct): string =>
  Stack.of(scope).formatArn({
    service: 'cloudwatch',
    resource: 'alarm',
    resourceName: '*',
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });

/**
 * The detector's customer managed key, rotated yearly, for its log groups, topics and queues. The key
 * policy lets the services that encrypt on the detector's behalf use it:
 * - CloudWatch Logs, only for the named log groups (encryption context);
 * - EventBridge, to deliver to the encrypted topics and queues (targets and dead letters), for
 *   this account's rules only;
 * - CloudWatch alarms, to publish to the encrypted topics, for this account's alarms only.
 * Log group names are given as names, not constructs: the log groups refer to the key, so the key
 * policy cannot refer back to them.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
 * @see https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-key-management.html
 */
const detectorKey = (scope: Construct, id: string, logGroupNames: readonly string[]): kms.Key => {
  const key = new kms.Key(scope, id, {
    description: 'rootwatch: encrypts root-activity records, alerts and dead letters',
    enableKeyRotation: true,
  });
  key.addToResourcePolicy(
    logsKeyPolicyStatement(scope, 'CloudWatchLogsForTheDetectorLogGroups', logGroupNames),
  );
  for (const [sid, service, sources] of [
    ['EventBridgeDeliversToEncryptedTopicsAndQueues', 'events.amazonaws.com', rulesHere(scope)],
    ['CloudWatchAlarmsPublishToEncryptedTopics', 'cloudwatch.amazonaws.com', alarmsHere(scope)],
  ] as const) {
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid,
        principals: [new iam.ServicePrincipal(service)],
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        resources: ['*'],
        conditions: sourceConditions(scope, sources),
      }),
    );
  }
  return key;
};

/**
 * An SNS topic encrypted with `key` that refuses publishers without TLS.
 * @see https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html
 */
const encryptedTopic = (scope: Construct, id: string, key: kms.IKey, displayName: string): sns.Topic =>
  new sns.Topic(scope, id, { masterKey: key, enforceSSL: true, displayName });

/**
 * A standard SQS queue encrypted with `key` (or SQS-managed keys when none is given) that refuses
 * requests without TLS, keeping messages the maximum 14 days.
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html
 */
const encryptedQueue = (
  scope: Construct,
  id: string,
  props: Partial<sqs.QueueProps> & { key?: kms.IKey },
) => {
  const { key, ...queueProps } = props;
  return new sqs.Queue(scope, id, {
    ...(key
      ? { encryption: sqs.QueueEncryption.KMS, encryptionMasterKey: key }
      : { encryption: sqs.QueueEncryption.SQS_MANAGED }),
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
    ...queueProps,
  });
};

export {
  detectorKey,
  encryptedQueue,
  encryptedTopic,
  logGroupArn,
  logsKeyPolicyStatement,
  sourceConditions,
  rulesHere,
};
