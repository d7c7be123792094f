import { Stack } from 'aws-cdk-lib';
import type * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { deadLetterStatements } from './dead-letter-grants.ts';

interface CompletenessGrantsProps {
  readonly trailBucketName: string;
  /** Above the account folders, ending in `/` (or empty: the whole bucket). */
  readonly trailPrefix: string;
  readonly trailKeyArn?: string;
  readonly recordLogGroup: logs.ILogGroup;
  readonly alertBus: events.IEventBus;
  readonly deadLetterQueue: sqs.IQueue;
  /** The detector's key, which encrypts the dead-letter queue. */
  readonly key: kms.IKey;
}

/**
 * What the completeness function may do besides writing its logs and records: list the trail
 * bucket under the prefix and read the objects there, decrypt them through S3 only (SSE-KMS),
 * read the record log group (FilterLogEvents), put alerts on the alert bus, and keep failed runs in
 * the dead-letter queue. The objects under the prefix are the one wildcard, acknowledged by the caller.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/walkthrough1.html
 */
const completenessStatements = (scope: Construct, props: CompletenessGrantsProps): iam.PolicyStatement[] => {
  const stack = Stack.of(scope);
  const bucketArn = `arn:${stack.partition}:s3:::${props.trailBucketName}`;
  const objectsResource = `${bucketArn}/${props.trailPrefix}*`;
  return [
    new iam.PolicyStatement({
      sid: 'ListTheTrail',
      actions: ['s3:ListBucket'],
      resources: [bucketArn],
      ...(props.trailPrefix && { conditions: { StringLike: { 's3:prefix': [`${props.trailPrefix}*`] } } }),
    }),
    new iam.PolicyStatement({ sid: 'ReadTheTrail', actions: ['s3:GetObject'], resources: [objectsResource] }),
    ...(props.trailKeyArn
      ? [
          new iam.PolicyStatement({
            sid: 'DecryptTheTrailThroughS3',
            actions: ['kms:Decrypt'],
            resources: [props.trailKeyArn],
            // The bucket may be in another Region than the function.
            conditions: { StringLike: { 'kms:ViaService': 's3.*.amazonaws.com' } },
          }),
        ]
      : []),
    new iam.PolicyStatement({
      sid: 'ReadTheLiveRecords',
      actions: ['logs:FilterLogEvents'],
      resources: [props.recordLogGroup.logGroupArn],
    }),
    new iam.PolicyStatement({
      sid: 'PutAlerts',
      actions: ['events:PutEvents'],
      resources: [props.alertBus.eventBusArn],
    }),
    ...deadLetterStatements(scope, {
      deadLetterQueue: props.deadLetterQueue,
      key: props.key,
      kind: 'FailedRuns',
    }),
  ];
};

export { completenessStatements };
export type { CompletenessGrantsProps };
