import type { AccountClient } from '@aws-sdk/client-account';
import { ListRegionsCommand } from '@aws-sdk/client-account';
import type { RetryPolicy } from './retry.ts';
import { DEFAULT_RETRY_POLICY, withRetries } from './retry.ts';

/**
 * The Regions enabled in an account (`ENABLED` or `ENABLED_BY_DEFAULT`), from the Account
 * Management API: no hand-kept list. Without `account`, the caller's own (the management account
 * must call it so for itself); with it, a member account, which the management account or the
 * Account Management delegated administrator may ask about [ACCT-LR].
 * @see https://docs.aws.amazon.com/accounts/latest/reference/API_ListRegions.html
 */
const enabledRegions = async (
  client: AccountClient,
  account?: string,
  retry: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<string[]> => {
  const regions: string[] = [];
  let token: string | undefined;
  do {
    const page = await withRetries(
      () =>
        client.send(
          new ListRegionsCommand({
            ...(account && { AccountId: account }),
            RegionOptStatusContains: ['ENABLED', 'ENABLED_BY_DEFAULT'],
            ...(token && { NextToken: token }),
          }),
        ),
      retry,
    );
    regions.push(...(page.Regions ?? []).flatMap((region) => (region.RegionName ? [region.RegionName] : [])));
    token = page.NextToken;
  } while (token);
  return regions.sort();
};

export { enabledRegions };
