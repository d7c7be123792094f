import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { logGroupArn } from './encryption.ts';

/** A log group, with its name: the KMS encryption context is its ARN without `:*`. */
interface WritableLogGroup {
  readonly group: logs.ILogGroup;
  readonly name: string;
}

/**
 * Lets `role` write to exactly these log groups, encrypted with `key`: CreateLogStream and
 * PutLogEvents on each group (its ARN as CloudFormation returns it ends in `:*`, that group's streams
 * only), and the KMS uses CloudWatch Logs makes on its behalf, for these groups only.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
 */
const grantLogWrites = (role: iam.Role, key: kms.IKey, groups: readonly WritableLogGroup[]): void => {
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      sid: 'WriteOwnLogsAndRecords',
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: groups.map(({ group }) => group.logGroupArn),
    }),
  );
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      sid: 'EncryptLogsThroughCloudWatchLogs',
      actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
      resources: [key.keyArn],
      conditions: {
        StringEquals: { 'kms:ViaService': `logs.${Stack.of(role).region}.amazonaws.com` },
        ArnEquals: {
          'kms:EncryptionContext:aws:logs:arn': groups.map(({ name }) => logGroupArn(role, name)),
        },
      },
    }),
  );
};

export { grantLogWrites };
export type { WritableLogGroup };
