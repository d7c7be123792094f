import { RemovalPolicy } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { stateTable, tableItemStatements } from './state-table.ts';

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
    this.table = stateTable(this, 'Table', {
      key: props.key,
      removalPolicy: RemovalPolicy.DESTROY,
      timeToLiveAttribute: 'expiresAt',
    });
  }

  /** What the detector needs: consistent reads and conditional puts of single items, nothing else. */
  grantIncidentUpdates(role: iam.IRole): void {
    const statements = tableItemStatements(this.table, this.#key, {
      sid: 'KeepIncidents',
      keySid: 'EncryptIncidentsThroughDynamoDb',
      actions: ['dynamodb:GetItem', 'dynamodb:PutItem'],
    });
    for (const statement of statements) role.addToPrincipalPolicy(statement);
  }
}

export { IncidentTable };
export type { IncidentTableProps };
