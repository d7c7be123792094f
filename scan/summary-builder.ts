import { FleetTally } from './fleet-tally.ts';
import { countFinding, countIgnored, emptySummary } from '../findings/finding-summary.ts';
import type { Finding } from '../schemas/finding.ts';
import type { CriticalFinding, ScanInputs, ScanScope, ScanSummary } from '../schemas/scan-summary.ts';
import { parseArchivePath } from './archive-path.ts';
import type { InputPosition } from './documents/input-item.ts';
import type { ScanListener } from './scan-archive.ts';

/** At most this many "key names another account" notes: one per pair is enough to warn. */
const MAX_NOTES = 20;
/** The critical findings listed in the summary (earliest first); `critical.total` counts them all. */
const MAX_CRITICAL = 100;

/** What the scan was asked to cover: the paths and filters of its command line. */
interface ScanRequest {
  sources: readonly string[];
  since?: number | undefined;
  until?: number | undefined;
  accounts: readonly string[];
  regions: readonly string[];
}

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const isoSecond = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

const briefOf = (finding: Finding): CriticalFinding => ({
  eventId: finding.eventId,
  time: finding.time,
  account: finding.account,
  region: finding.region,
  eventName: finding.eventName,
  credential: finding.credential,
  activity: finding.activity,
  title: finding.title,
});

/**
 * Gathers what a scan reports into the JSON summary (`ScanSummary`): finding counts, each account's
 * root use, the fleet figures and weekly series, the scope (as asked and as found) and the critical
 * findings. Plug its `listener` parts into `scanArchive`.
 */
class ScanSummaryBuilder {
  readonly #counts = emptySummary();
  readonly #fleet = new FleetTally();
  readonly #notes = new Set<string>();
  #outsideFilters = 0;
  #critical: CriticalFinding[] = [];
  #criticalTotal = 0;
  #deliveryDays: [number, number] | undefined;
  #findingTimes: [string, string] | undefined;

  /** The listener methods that feed the summary (merge them with the caller's own). */
  readonly listener: Pick<ScanListener, 'archiveAccount' | 'ignored' | 'outsideFilters'> & {
    finding(finding: Finding, position: InputPosition): void;
  } = {
    finding: (finding, position) => {
      countFinding(this.#counts, finding);
      this.#fleet.add(finding);
      this.#noteKeyAccount(finding, position);
      this.#spanFindings(finding.time);
      if (finding.severity === 'critical') this.#keepCritical(finding);
    },
    archiveAccount: (account, deliveryDay) => {
      this.#fleet.addArchiveAccount(account, deliveryDay);
      if (deliveryDay === undefined) return;
      const [first, last] = this.#deliveryDays ?? [deliveryDay, deliveryDay];
      this.#deliveryDays = [Math.min(first, deliveryDay), Math.max(last, deliveryDay)];
    },
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

  #spanFindings(time: string): void {
    const [first, last] = this.#findingTimes ?? [time, time];
    this.#findingTimes = [time < first ? time : first, time > last ? time : last];
  }

  /** Memory stays bounded: the earliest critical findings are kept, the rest only counted. */
  #keepCritical(finding: Finding): void {
    this.#criticalTotal += 1;
    this.#critical.push(briefOf(finding));
    if (this.#critical.length > 2 * MAX_CRITICAL) this.#critical = this.#sortedCritical();
  }

  #sortedCritical(): CriticalFinding[] {
    return [...this.#critical]
      .sort((a, b) => Date.parse(a.time) - Date.parse(b.time) || (a.eventId < b.eventId ? -1 : 1))
      .slice(0, MAX_CRITICAL);
  }

  #scope(request: ScanRequest): ScanScope {
    const days = this.#deliveryDays;
    const times = this.#findingTimes;
    return {
      sources: [...request.sources],
      filters: {
        since: request.since === undefined ? null : isoSecond(request.since),
        until: request.until === undefined ? null : isoSecond(request.until),
        accounts: [...request.accounts],
        regions: [...request.regions],
      },
      deliveryDays: days ? { first: isoDay(days[0]), last: isoDay(days[1]) } : null,
      findingTimes: times
        ? { first: isoSecond(Date.parse(times[0])), last: isoSecond(Date.parse(times[1])) }
        : null,
    };
  }

  build(inputs: ScanInputs, request: ScanRequest): ScanSummary {
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
      scope: this.#scope(request),
      critical: { total: this.#criticalTotal, listed: this.#sortedCritical() },
      notes: [...this.#notes],
    };
  }
}

export { ScanSummaryBuilder };
export type { ScanRequest };
