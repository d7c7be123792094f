import type { CoverageReport } from '../../schemas/coverage-report.ts';
import type { Place } from '../../schemas/liveness-record.ts';
import { coverageReport } from './coverage-report.ts';
import type { LivenessStore } from './liveness-store.ts';
import type { TrailFacts } from './trail-logging.ts';

/** Where coverage is read from: the liveness store, the trails of a set of Regions, enabled Regions. */
interface CoverageSources {
  store: LivenessStore;
  trails(regions: readonly string[]): Promise<{ trails: TrailFacts[]; regions: Set<string>; problems: string[] }>;
  /** The enabled Regions of `account` (account:ListRegions). */
  enabledRegions(account: string): Promise<string[]>;
}

interface CoverageRequest {
  /** Accounts that must be heard besides those that were. */
  accounts: readonly string[];
  /** Regions every account must be heard from, besides those it was. */
  regions: readonly string[];
  /** Also expect every Region enabled in each account. */
  enabledRegions: boolean;
  /** Read the trails of every Region of the places. */
  trails: boolean;
  silentAfterMinutes: number;
  asOf: Date;
}

const reason = (error: unknown): string => (error as Error).message ?? String(error);

/** Every place to report: each known account (heard or named) in each expected Region. */
const expectedPlaces = async (
  request: CoverageRequest,
  heard: readonly Place[],
  sources: CoverageSources,
  problems: string[],
): Promise<Place[]> => {
  const accounts = [...new Set([...heard.map((place) => place.account), ...request.accounts])].sort();
  const expected: Place[] = [];
  for (const account of accounts) {
    const regions = new Set(request.regions);
    if (request.enabledRegions) {
      try {
        for (const region of await sources.enabledRegions(account)) regions.add(region);
      } catch (error) {
        problems.push(`the enabled Regions of ${account} (${reason(error)})`);
      }
    }
    for (const region of regions) expected.push({ account, region });
  }
  return expected;
};

/**
 * The coverage report from its sources, shared by `rootwatch coverage` and the scheduled check:
 * the liveness store must be readable (its failure is the caller's); the enabled Regions and the
 * trails may fail into `problems`, their places then reported as far as known.
 */
const buildCoverage = async (request: CoverageRequest, sources: CoverageSources): Promise<CoverageReport> => {
  const heard = await sources.store.places();
  const problems: string[] = [];
  const expected = await expectedPlaces(request, heard, sources, problems);
  const regions = [...new Set([...heard, ...expected].map((place) => place.region))].sort();
  const trails = request.trails ? await sources.trails(regions) : undefined;
  return coverageReport({
    heard,
    expected,
    ...(trails && { trails: trails.trails, trailRegions: trails.regions }),
    asOf: request.asOf,
    silentAfterMinutes: request.silentAfterMinutes,
    problems: [...problems, ...(trails?.problems ?? [])],
  });
};

export { buildCoverage };
export type { CoverageSources, CoverageRequest };
