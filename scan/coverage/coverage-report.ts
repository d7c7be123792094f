import type { CoveragePlace, CoverageReport, LivenessState } from '../../schemas/coverage-report.ts';
import type { Place } from '../../schemas/liveness-record.ts';
import type { PlaceLiveness } from './liveness-store.ts';
import { placeKey } from './liveness-store.ts';
import type { TrailFacts } from './trail-logging.ts';
import { trailStateAt } from './trail-logging.ts';

interface CoverageInput {
  /** What the liveness store holds: every place ever heard. */
  heard: readonly PlaceLiveness[];
  /** Places that must be heard although they never were (an account's enabled Regions, …). */
  expected?: readonly Place[];
  /** The trails seen from every Region of the places; absent: trails not checked. */
  trails?: readonly TrailFacts[];
  /** The Regions whose trails were listed; the places of the others are `unknown`. @default - all */
  trailRegions?: ReadonlySet<string>;
  asOf: Date;
  /** A place not heard for longer than this is silent. */
  silentAfterMinutes: number;
  problems?: readonly string[];
}

const MINUTE = 60_000;

const livenessAt = (lastHeard: string | undefined, input: CoverageInput): [LivenessState, number | null] => {
  if (!lastHeard) return ['never-heard', null];
  const minutes = Math.max(0, Math.floor((input.asOf.getTime() - Date.parse(lastHeard)) / MINUTE));
  return [minutes > input.silentAfterMinutes ? 'silent' : 'live', minutes];
};

/**
 * The coverage report (docs/coverage.md): every place heard or expected, in account and Region
 * order, with its liveness at `asOf` and, when trails were read, what they log there. A place is
 * covered when it is live and, if trails were checked, a trail logs read and write management
 * events there. Pure: the store, the trails and the clock are inputs.
 */
const coverageReport = (input: CoverageInput): CoverageReport => {
  const byKey = new Map<string, PlaceLiveness>();
  for (const place of input.expected ?? []) byKey.set(placeKey(place), { ...place });
  for (const place of input.heard) byKey.set(placeKey(place), { ...byKey.get(placeKey(place)), ...place });
  const places: CoveragePlace[] = [...byKey.values()]
    .sort((a, b) => a.account.localeCompare(b.account) || a.region.localeCompare(b.region))
    .map((place) => {
      const [liveness, silentForMinutes] = livenessAt(place.lastHeard, input);
      const listed = input.trails && (!input.trailRegions || input.trailRegions.has(place.region));
      const trail = listed
        ? trailStateAt(place.account, place.region, input.trails ?? [])
        : { trail: 'unknown' as const, trails: [], excludedSources: [] };
      return {
        account: place.account,
        region: place.region,
        liveness,
        lastHeard: place.lastHeard ? new Date(place.lastHeard).toISOString() : null,
        silentForMinutes,
        ...trail,
        covered: liveness === 'live' && (!input.trails || trail.trail === 'read-write'),
      };
    });
  const count = (test: (place: CoveragePlace) => boolean) => places.filter(test).length;
  return {
    asOf: input.asOf.toISOString(),
    silentAfterMinutes: input.silentAfterMinutes,
    trailsChecked: input.trails !== undefined,
    places,
    summary: {
      places: places.length,
      covered: count((place) => place.covered),
      live: count((place) => place.liveness === 'live'),
      silent: count((place) => place.liveness === 'silent'),
      neverHeard: count((place) => place.liveness === 'never-heard'),
      trailGaps: input.trails ? count((place) => place.trail !== 'read-write') : 0,
    },
    problems: [...(input.problems ?? [])],
  };
};

/** The id of one silence of one place: stable while it stays silent, new once it was heard again. */
const silenceId = (place: { account: string; region: string; lastHeard: string | null }): string =>
  `coverage:${place.account}:${place.region}:${place.lastHeard ?? 'never'}`;

export { coverageReport, silenceId };
export type { CoverageInput };
