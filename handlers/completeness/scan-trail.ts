import { asEventBridgeEvent } from '../../detection/delivery/as-eventbridge-event.ts';
import { deliveredByRule } from '../../detection/delivery/delivered-by-rule.ts';
import type { ScanPlan } from '../../scan/completeness/scan-plan.ts';
import type { TrailFinding } from '../../scan/completeness/missed-events.ts';
import type { DetectorConfig } from '../../schemas/detector-config.ts';
import { archiveDetector } from '../../scan/archive-detector.ts';
import { describePosition } from '../../scan/documents/input-item.ts';
import { DEFAULT_READ_LIMITS } from '../../scan/documents/read-limits.ts';
import type { ReadLimits } from '../../scan/documents/read-limits.ts';
import { reusedGunzip } from '../../scan/documents/reused-gunzip.ts';
import { scanArchive } from '../../scan/scan-archive.ts';
import { scanListed } from '../../scan/scan-listed.ts';
import type { TrailWindowSource } from '../../adapters/trail-window-source.ts';
import type { ObjectScanner } from '../../scan/workers/object-scanner.ts';

/** What the scan of a run's trail objects found. */
interface TrailScan {
  /** Root events the rule delivers, in the compared event times. */
  found: TrailFinding[];
  /** Account folders listed. */
  accounts: number;
  objectsScanned: number;
  /** Objects (or account listings) that could not be read: the run is then incomplete. */
  unreadable: number;
  /** The first of them, with the reason. */
  problems: string[];
  /** The listing stopped before the end (the function's deadline): the run is incomplete. */
  stoppedEarly: boolean;
}

interface ScanTrailOptions {
  source: TrailWindowSource;
  /** The scan's root: the key prefix above the account folders. */
  prefix: string;
  plan: ScanPlan;
  detectorConfig: DetectorConfig;
  /** Objects read at once (S3 latency, not CPU, bounds a run of small objects). */
  capacity?: number;
}

/** At most this many problems are kept by name (all are counted). */
const MAX_PROBLEMS = 50;

/**
 * Reads in this thread (a Lambda bundle has no worker entry), and keeps only the records the
 * live rule would have delivered to the detector: the same pattern data, the same local matcher
 * (`detection/delivery/`). The rest never reached the live path by design, so cannot be missing
 * from it (network activity events, for one, have a detail-type the rule does not take).
 * Objects are gunzipped into one kept buffer (each is scanned in one synchronous step once read).
 */
const deliveredRecordsScanner = (
  source: TrailWindowSource,
  capacity: number,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): ObjectScanner => {
  const tools = { gunzip: reusedGunzip() };
  return {
    capacity,
    scan: async (_descriptor, key) => {
      const scan = await scanListed(source, key, tools, limits);
      const items = scan.items.filter(
        (item) => item.kind === 'unreadable' || deliveredByRule(asEventBridgeEvent(item.value)),
      );
      return { ...scan, items };
    },
    close: async () => {},
  };
};

/**
 * Scans the run's trail objects with the archive scan core and the detector of `rootwatch scan`,
 * collecting the root events the live path would have recorded: delivered by the rule, in the
 * compared event times (exactly: the objects were chosen with slack).
 */
const scanTrail = async (options: ScanTrailOptions): Promise<TrailScan> => {
  const { plan, source } = options;
  const found: TrailFinding[] = [];
  const problems: string[] = [];
  let problemCount = 0;
  const problem = (text: string) => {
    problemCount += 1;
    if (problems.length < MAX_PROBLEMS) problems.push(text);
  };
  const inputs = await scanArchive(
    {
      roots: [{ source, key: options.prefix.replace(/\/$/, '') }],
      filters: { accounts: [], regions: [] },
      detector: archiveDetector(options.detectorConfig, {
        since: plan.events.from,
        until: plan.events.to - 1,
        accounts: [],
        regions: [],
      }),
      scanner: deliveredRecordsScanner(source, options.capacity ?? 16),
    },
    {
      finding: (finding, position) => {
        found.push({ finding, object: position.file });
      },
      unreadable: (position, reason) => problem(`${describePosition(position)}: ${reason}`),
      // The live path records these as invalid events, and its own alarm reports them.
      invalid: () => {},
    },
  );
  for (const failure of source.listing.failures)
    problem(`listing ${source.locate(failure.prefix)}: ${failure.reason}`);
  return {
    found,
    accounts: source.listing.accounts,
    objectsScanned: inputs.objectsScanned,
    unreadable: problemCount,
    problems,
    stoppedEarly: source.listing.stopped,
  };
};

export { scanTrail, deliveredRecordsScanner };
export type { TrailScan, ScanTrailOptions };
