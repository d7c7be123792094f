import type { RemovalPolicy } from 'aws-cdk-lib';
import { Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';

interface StateTableProps {
  readonly key: kms.IKey;
  /** Derived state is removed with the stack; state nothing else holds is retained. */
  readonly removalPolicy: RemovalPolicy;
  /** The attribute DynamoDB TTL expires items on, if they expire. */
  readonly timeToLiveAttribute?: string;
}

/**
 * A table of small state items keyed by `id`, as every rootwatch table is: on-demand (the writes are
 * rare and bursty), encrypted with the given customer managed key, with point-in-time recovery.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html
 */
const stateTable = (scope: Construct, id: string, props: StateTableProps): dynamodb.Table =>
  new dynamodb.Table(scope, id, {
    partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    timeToLiveAttribute: props.timeToLiveAttribute,
    encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
    encryptionKey: props.key,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    removalPolicy: props.removalPolicy,
  });

/**
 * The two statements a role needs for `actions` on the table's items: the actions on this table only,
 * and the key's use only through DynamoDB in the table's Region (`kms:ViaService`).
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service
 */
const tableItemStatements = (
  table: dynamodb.ITable,
  key: kms.IKey,
  { sid, keySid, actions }: { sid: string; keySid: string; actions: string[] },
): iam.PolicyStatement[] => [
  new iam.PolicyStatement({ sid, actions, resources: [table.tableArn] }),
  new iam.PolicyStatement({
    sid: keySid,
    actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'],
    resources: [key.keyArn],
    conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${Stack.of(table).region}.amazonaws.com` } },
  }),
];

export { stateTable, tableItemStatements };
export type { StateTableProps };
