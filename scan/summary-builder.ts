import { FleetTally } from './fleet-tally.ts';
import { countFinding, countIgnored, emptySummary } from '../findings/finding-summary.ts';
import type { Finding } from '../schemas/finding.ts';
import type { ScanInputs, ScanSummary } from '../schemas/scan-summary.ts';
import { parseArchivePath } from './archive-path.ts';
import type { InputPosition } from './documents/input-item.ts';
import type { ScanListener } from './scan-archive.ts';

/** At most this many "key names another account" notes: one per pair is enough to warn. */
const MAX_NOTES = 20;

/**
 * Gathers what a scan reports into the JSON summary (`ScanSummary`): finding counts, each account's
 * root use and the fleet figures. Plug its `listener` parts into `scanArchive`.
 */
class ScanSummaryBuilder {
  readonly #counts = emptySummary();
  readonly #fleet = new FleetTally();
  readonly #notes = new Set<string>();
  #outsideFilters = 0;

  /** The listener methods that feed the summary (merge them with the caller's own). */
  readonly listener: Pick<ScanListener, 'archiveAccount' | 'ignored' | 'outsideFilters'> & {
    finding(finding: Finding, position: InputPosition): void;
  } = {
    finding: (finding, position) => {
      countFinding(this.#counts, finding);
      this.#fleet.add(finding);
      this.#noteKeyAccount(finding, position);
    },
    archiveAccount: (account) => this.#fleet.addArchiveAccount(account),
    ignored: (reason) => countIgnored(this.#counts, reason),
    outsideFilters: () => {
      this.#outsideFilters += 1;
    },
  };

  /** The key's account is the trail's; when the records say another, account pruning can mislead. */
  #noteKeyAccount(finding: Finding, position: InputPosition): void {
    const keyAccount = parseArchivePath(position.file)?.account;
    if (!keyAccount || keyAccount === finding.account || keyAccount === finding.recipientAccountId) return;
    if (this.#notes.size >= MAX_NOTES) return;
    this.#notes.add(
      `S3 keys of account ${keyAccount} hold root records of account ${finding.account}: ` +
        `--account prunes folders by key and filters records by their own account, so name both to keep them`,
    );
  }

  build(inputs: ScanInputs): ScanSummary {
    const counts = this.#counts;
    return {
      schemaVersion: '1',
      inputs,
      findings: {
        total: counts.findings,
        bySeverity: counts.bySeverity,
        byCredential: counts.byCredential,
        byActivity: counts.byActivity,
        ignored: counts.ignored,
        outsideFilters: this.#outsideFilters,
      },
      accounts: this.#fleet.accounts(),
      fleet: this.#fleet.fleet(),
      notes: [...this.#notes],
    };
  }
}

export { ScanSummaryBuilder };
