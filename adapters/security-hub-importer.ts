import { BatchImportFindingsCommand } from '@aws-sdk/client-securityhub';
import type { AwsSecurityFinding, SecurityHubClient } from '@aws-sdk/client-securityhub';
import type { AsffFinding } from '../schemas/asff-finding.ts';
import type { RetryPolicy } from './retry.ts';
import { DEFAULT_RETRY_POLICY, withRetries } from './retry.ts';

/** BatchImportFindings takes at most 100 findings a request. */
const MAX_FINDINGS = 100;

/** Security Hub refused findings (named with their ids and codes). */
class FindingImportError extends Error {
  override name = 'FindingImportError';
}

interface SecurityHubImporterOptions {
  client: SecurityHubClient;
  retry?: RetryPolicy;
}

/**
 * Imports ASFF findings into Security Hub with `BatchImportFindings`, retrying throttling and
 * transient errors. The request succeeds while findings fail one by one (`FailedFindings`): any
 * failed finding is an error, named with its id and code, so that the caller's invocation fails
 * and is retried or kept. An import is idempotent: the same `Id` and `UpdatedAt` change nothing.
 * @see https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_BatchImportFindings.html
 */
class SecurityHubImporter {
  readonly #options: Required<SecurityHubImporterOptions>;

  constructor(options: SecurityHubImporterOptions) {
    this.#options = { retry: DEFAULT_RETRY_POLICY, ...options };
  }

  /** `signal`: the caller's time budget; once it fires no attempt is made or continued. */
  async import(findings: readonly AsffFinding[], options: { signal?: AbortSignal } = {}): Promise<number> {
    const { client, retry } = this.#options;
    let imported = 0;
    for (let start = 0; start < findings.length; start += MAX_FINDINGS) {
      const Findings = findings.slice(start, start + MAX_FINDINGS) as AwsSecurityFinding[];
      const response = await withRetries(
        (http) => client.send(new BatchImportFindingsCommand({ Findings }), http),
        retry,
        options.signal,
      );
      if (response.FailedCount) {
        const failed = (response.FailedFindings ?? []).map(
          (f) => `${f.Id}: ${f.ErrorCode} ${f.ErrorMessage}`,
        );
        throw new FindingImportError(
          `Security Hub refused ${response.FailedCount} of ${Findings.length} findings: ${failed.join('; ')}`,
        );
      }
      imported += response.SuccessCount ?? Findings.length;
    }
    return imported;
  }
}

export { SecurityHubImporter, FindingImportError };
export type { SecurityHubImporterOptions };
