import type { Finding } from '../schemas/finding.ts';

/** The record-level filters: on the finding's own fields, exact (no slack). */
interface RecordFilterOptions {
  since?: number | undefined;
  until?: number | undefined;
  accounts: readonly string[];
  regions: readonly string[];
}

/**
 * Whether a finding passes the filters, judged on the record, never the S3 key: the key names the
 * trail's account, and a record may be about another (`../shared/cloudtrail-real/README.md`). An
 * account matches the root identity's account or the recipient's.
 */
const recordFilter =
  (options: RecordFilterOptions) =>
  (finding: Finding): boolean => {
    const at = Date.parse(finding.time);
    if (options.since !== undefined && at < options.since) return false;
    if (options.until !== undefined && at > options.until) return false;
    if (
      options.accounts.length > 0 &&
      !options.accounts.includes(finding.account) &&
      !(finding.recipientAccountId !== undefined && options.accounts.includes(finding.recipientAccountId))
    )
      return false;
    return options.regions.length === 0 || options.regions.includes(finding.region);
  };

export { recordFilter };
export type { RecordFilterOptions };
