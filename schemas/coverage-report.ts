import * as z from 'zod/mini';
import { IsoDateTimeSchema } from './iso-datetime.ts';
import './zod-english.ts';

const account = z.string().check(z.regex(/^\d{12}$/));
const region = z.string().check(z.regex(/^[a-z]{2}(-[a-z]+)+-\d$/));

/**
 * Whether the place's forwarder was heard within the silence period (`live`), heard before it
 * (`silent`), or never (`never-heard`: expected, e.g. a Region enabled since, but no liveness event).
 */
const LIVENESS_STATES = ['live', 'silent', 'never-heard'] as const;

/**
 * What the trails seen from here log in the place (docs/coverage.md): management events read and
 * write (`read-write`: what a rule in state ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS needs),
 * only one kind, logging trails whose selectors take no management event, trails that exist but are
 * not logging, no trail that applies, or `unknown` when
 * the trails of that Region could not be read (or were not checked).
 */
const TRAIL_STATES = [
  'read-write',
  'write-only',
  'read-only',
  'no-management-events',
  'not-logging',
  'no-trail',
  'unknown',
] as const;

/** One account and Region: when last heard, what the trails log there, and whether it is covered. */
const CoveragePlaceSchema = z.strictObject({
  account,
  region,
  liveness: z.enum(LIVENESS_STATES),
  lastHeard: z.nullable(IsoDateTimeSchema),
  /** Minutes since last heard, at `asOf`; null if never. */
  silentForMinutes: z.nullable(z.int().check(z.minimum(0))),
  trail: z.enum(TRAIL_STATES),
  /** The trails that apply here (ARNs), those logging first. */
  trails: z.array(z.string()),
  /** Management event sources the logging trails' advanced selectors leave out (e.g. kms.amazonaws.com). */
  excludedSources: z.array(z.string()),
  /** Live, and (when trails were checked) a trail logging read and write management events. */
  covered: z.boolean(),
});

/**
 * `rootwatch coverage` and the scheduled coverage check: per account and Region, the forwarder's
 * last liveness event and what the trails log there. Strict, like every output.
 */
const CoverageReportSchema = z.strictObject({
  asOf: IsoDateTimeSchema,
  silentAfterMinutes: z.int().check(z.minimum(1)),
  /** Whether CloudTrail was read (DescribeTrails, GetEventSelectors, GetTrailStatus). */
  trailsChecked: z.boolean(),
  places: z.array(CoveragePlaceSchema),
  summary: z.strictObject({
    places: z.int(),
    covered: z.int(),
    live: z.int(),
    silent: z.int(),
    neverHeard: z.int(),
    trailGaps: z.int(),
  }),
  /** What could not be read (a Region's trails, a table), one line each. */
  problems: z.array(z.string()),
});

type CoveragePlace = z.infer<typeof CoveragePlaceSchema>;
type CoverageReport = z.infer<typeof CoverageReportSchema>;
type LivenessState = (typeof LIVENESS_STATES)[number];
type TrailState = (typeof TRAIL_STATES)[number];

export { CoverageReportSchema, CoveragePlaceSchema, LIVENESS_STATES, TRAIL_STATES };
export type { CoverageReport, CoveragePlace, LivenessState, TrailState };
