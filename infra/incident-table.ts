import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

interface IncidentTableProps {
  readonly key: kms.IKey;
}

/**
 * The incident state the detector shares across invocations (docs/incidents-and-suppression.md): one item per
 * incident, session pointer and centralized-root session, each written with a version condition.
 * On-demand (root activity is rare and bursty), encrypted with the detector's key, expired by
 * DynamoDB TTL on `expiresAt` (30 days after an incident's last event), with point-in-time recovery.
 * Derived state: removed with the stack; the records keep every finding.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/TTL.html
 */
class IncidentTable extends Construct {
  readonly table: dynamodb.Table;
  readonly #key: kms.IKey;

  constructor(scope: Construct, id: string, props: IncidentTableProps) {
    super(scope, id);
    this.#key = props.key;
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: 'expiresAt',
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: props.key,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      removalPolicy: RemovalPolicy.DESTROY,
    });
  }

  /** What the detector needs: consistent reads and conditional puts of single items, nothing else. */
  grantIncidentUpdates(role: iam.IRole): void {
    const region = Stack.of(this).region;
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'KeepIncidents',
        actions: ['dynamodb:GetItem', 'dynamodb:PutItem'],
        resources: [this.table.tableArn],
      }),
    );
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'EncryptIncidentsThroughDynamoDb',
        actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'],
        resources: [this.#key.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${region}.amazonaws.com` } },
      }),
    );
  }
}

export { IncidentTable };
export type { IncidentTableProps };
