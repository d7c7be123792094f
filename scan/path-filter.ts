import type { ArchivePath } from './archive-path.ts';
import { archivePathParser, DAY_MS, deliveryDays } from './archive-path.ts';

/** The filters that can prune folders and objects by their path, before anything is opened. */
interface PathFilterOptions {
  since?: number | undefined;
  until?: number | undefined;
  accounts: readonly string[];
  regions: readonly string[];
}

/**
 * A day of slack on each side: a folder holds the day a file was delivered, and delayed events
 * are older than their folder (DOMAIN.md §5, "CloudTrail delivers … about 5 minutes … not
 * guaranteed"); the day before `since` is still read, and so is the day after `until`.
 */
const SLACK_MS = DAY_MS;

const DIGEST_KIND = 'CloudTrail-Digest';

const keeps = (path: ArchivePath, options: PathFilterOptions): boolean => {
  // Digest files hold hashes of log files, never records.
  if (path.kind === DIGEST_KIND) return false;
  if (path.account !== undefined && options.accounts.length > 0 && !options.accounts.includes(path.account))
    return false;
  if (path.region !== undefined && options.regions.length > 0 && !options.regions.includes(path.region))
    return false;
  const days = deliveryDays(path);
  if (!days) return true;
  if (options.since !== undefined && days[1] < options.since - SLACK_MS) return false;
  if (options.until !== undefined && days[0] > options.until + SLACK_MS) return false;
  return true;
};

/**
 * Whether a file or folder (local path or S3 key) may hold records the filters want. Paths outside
 * the CloudTrail layout are always kept: only the records' own fields can tell then.
 */
const pathFilter = (options: PathFilterOptions): ((path: string) => boolean) => {
  const parse = archivePathParser();
  const byLayout =
    options.accounts.length > 0 ||
    options.regions.length > 0 ||
    options.since !== undefined ||
    options.until !== undefined;
  return (path) => {
    // Without filters only digests are pruned, and a digest's path names its kind: the others
    // (every folder and object of a scan) need no parse.
    if (!byLayout && !path.includes(DIGEST_KIND)) return true;
    const parsed = parse(path);
    return parsed === undefined || keeps(parsed, options);
  };
};

export { pathFilter };
export type { PathFilterOptions };
