import { AccountClient } from '@aws-sdk/client-account';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { CoverageSources } from '../scan/coverage/build-coverage.ts';
import { readTrails } from './cloudtrail-trails.ts';
import { DynamoDbLivenessStore } from './dynamodb-liveness-store.ts';
import { enabledRegions } from './enabled-regions.ts';
import type { RetryPolicy } from './retry.ts';

interface ClientSettings {
  maxAttempts: number;
  requestHandler: { requestTimeout: number; connectionTimeout: number };
}

/**
 * The coverage sources in AWS, with the SDK's own configuration (credentials, `AWS_REGION`,
 * `AWS_ENDPOINT_URL_*`): the liveness table, CloudTrail in each Region, Account Management (a
 * global API served from us-east-1 [ACCT-LR]). The caller's own account is asked about without
 * `AccountId`, as the management account must be.
 */
const awsCoverageSources = async (
  table: string,
  clientConfig: ClientSettings,
  retry?: RetryPolicy,
): Promise<CoverageSources> => {
  const account = new AccountClient({ ...clientConfig, region: 'us-east-1' });
  let caller: Promise<string | undefined> | undefined;
  const callerAccount = () =>
    (caller ??= new STSClient(clientConfig)
      .send(new GetCallerIdentityCommand({}))
      .then((identity) => identity.Account));
  return {
    store: await DynamoDbLivenessStore.connect({ tableName: table, clientConfig, ...(retry && { retry }) }),
    trails: (regions) =>
      readTrails(regions, (region) => new CloudTrailClient({ ...clientConfig, region }), retry),
    enabledRegions: async (id) =>
      enabledRegions(account, id === (await callerAccount()) ? undefined : id, retry),
  };
};

export { awsCoverageSources };
