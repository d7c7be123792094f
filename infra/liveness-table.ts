import { RemovalPolicy } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { stateTable, tableItemStatements } from './state-table.ts';

interface LivenessTableProps {
  readonly key: kms.IKey;
}

/**
 * When each forwarder was last heard (docs/coverage.md): one item per account and Region, updated
 * by the detector on each liveness event and read by the coverage check and `rootwatch coverage`.
 * A table rather than the record log: the check reads one item per place, not a time window of
 * every record. On-demand, encrypted with the detector's key, with point-in-time recovery; derived
 * state (the record log keeps every liveness event), removed with the stack.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html
 */
class LivenessTable extends Construct {
  readonly table: dynamodb.Table;
  readonly #key: kms.IKey;

  constructor(scope: Construct, id: string, props: LivenessTableProps) {
    super(scope, id);
    this.#key = props.key;
    this.table = stateTable(this, 'Table', { key: props.key, removalPolicy: RemovalPolicy.DESTROY });
  }

  #grant(role: iam.IRole, sid: string, actions: string[]): void {
    const statements = tableItemStatements(this.table, this.#key, {
      sid,
      keySid: `${sid}ThroughDynamoDb`,
      actions,
    });
    for (const statement of statements) role.addToPrincipalPolicy(statement);
  }

  /** The detector: conditional updates of single items, nothing else. */
  grantHeard(role: iam.IRole): void {
    this.#grant(role, 'NoteLiveness', ['dynamodb:UpdateItem']);
  }

  /** The coverage check: reads every item, and notes which silences it alerted. */
  grantCheck(role: iam.IRole): void {
    this.#grant(role, 'ReadLiveness', ['dynamodb:Scan', 'dynamodb:UpdateItem']);
  }
}

export { LivenessTable };
export type { LivenessTableProps };
