import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/** What a role keeps in the dead-letter queue, as its statement ids say: `KeepFailedRuns`, … */
type DeadLetterKind = 'FailedInvocations' | 'FailedRuns' | 'UndeliveredRuns';

interface DeadLetterGrantsProps {
  readonly deadLetterQueue: sqs.IQueue;
  /** The key that encrypts the queue (the detector's). */
  readonly key: kms.IKey;
  /** Names the statements `Keep<kind>` and `Encrypt<kind>ThroughSqs`. */
  readonly kind: DeadLetterKind;
}

/**
 * What sending to the encrypted dead-letter queue takes, and nothing more: `sqs:SendMessage` on that
 * queue, and the key's data keys and decryption through SQS only (not CDK's wider default grant,
 * which adds `kms:ReEncrypt*` and `kms:GenerateDataKey*`).
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-key-management.html
 */
const deadLetterStatements = (scope: Construct, props: DeadLetterGrantsProps): iam.PolicyStatement[] => [
  new iam.PolicyStatement({
    sid: `Keep${props.kind}`,
    actions: ['sqs:SendMessage'],
    resources: [props.deadLetterQueue.queueArn],
  }),
  new iam.PolicyStatement({
    sid: `Encrypt${props.kind}ThroughSqs`,
    actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
    resources: [props.key.keyArn],
    conditions: { StringEquals: { 'kms:ViaService': `sqs.${Stack.of(scope).region}.amazonaws.com` } },
  }),
];

export { deadLetterStatements };
export type { DeadLetterGrantsProps, DeadLetterKind };
