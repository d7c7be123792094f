import { ServiceError } from './service-error.ts';

/**
 * Account Management's ListRegions (REST JSON, `POST /listRegions`): the Regions of each account
 * and their opt-in status, filtered by `RegionOptStatusContains`, paged by `MaxResults`. Without
 * `AccountId`, the caller's account; with it, a member account, which only the management account
 * (`managementAccount`) may ask about, and never about itself [ACCT-LR].
 * @see https://docs.aws.amazon.com/accounts/latest/reference/API_ListRegions.html
 */
class AccountService {
  /** Region name to opt-in status, per account. */
  readonly regions = new Map<string, Record<string, string>>();
  managementAccount = '999988887777';

  listRegions(caller: string, input: Record<string, unknown>): unknown {
    const target = typeof input.AccountId === 'string' ? input.AccountId : caller;
    if (input.AccountId !== undefined) {
      if (caller !== this.managementAccount)
        throw new ServiceError(
          'AccessDeniedException',
          'only the management account may name an account',
          403,
        );
      if (target === caller)
        throw new ServiceError(
          'ValidationException',
          'the management account cannot specify its own AccountId',
        );
    }
    const wanted = input.RegionOptStatusContains as string[] | undefined;
    const all = Object.entries(this.regions.get(target) ?? {})
      .filter(([, status]) => !wanted || wanted.includes(status))
      .sort(([a], [b]) => a.localeCompare(b));
    const start = Number(input.NextToken ?? 0);
    const size = Number(input.MaxResults ?? 20);
    const page = all.slice(start, start + size);
    return {
      Regions: page.map(([RegionName, RegionOptStatus]) => ({ RegionName, RegionOptStatus })),
      ...(start + size < all.length && { NextToken: String(start + size) }),
    };
  }
}

export { AccountService };
