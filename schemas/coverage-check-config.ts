import * as z from 'zod/mini';
import { HANDLER_ENV, HandlerConfigSchema } from './handler-config.ts';
import './zod-english.ts';

/** The environment variable names of the coverage check, shared with the CDK construct that sets them. */
const COVERAGE_ENV = {
  alertBus: HANDLER_ENV.alertBus,
  logGroup: HANDLER_ENV.logGroup,
  logLevel: HANDLER_ENV.logLevel,
  livenessTable: HANDLER_ENV.livenessTable,
  silentMinutes: 'ROOTWATCH_COVERAGE_SILENT_MINUTES',
  accounts: 'ROOTWATCH_COVERAGE_ACCOUNTS',
  enabledRegions: 'ROOTWATCH_COVERAGE_ENABLED_REGIONS',
  trails: 'ROOTWATCH_COVERAGE_TRAILS',
} as const;

const flag = z.pipe(
  z.enum(['true', 'false'], { error: 'expected true or false' }),
  z.transform((value) => value === 'true'),
);

/**
 * The coverage check's settings, from its environment, parsed once at cold start (a bad value fails
 * the init with every problem named): where to read and write, how long a place may be silent, the
 * accounts it must hear from besides those it heard, whether to expect each account's enabled
 * Regions (account:ListRegions) and to read the trails.
 */
const CoverageCheckConfigSchema = z.object({
  [COVERAGE_ENV.alertBus]: HandlerConfigSchema.shape[HANDLER_ENV.alertBus],
  [COVERAGE_ENV.logGroup]: HandlerConfigSchema.shape[HANDLER_ENV.logGroup],
  [COVERAGE_ENV.logLevel]: HandlerConfigSchema.shape[HANDLER_ENV.logLevel],
  [COVERAGE_ENV.livenessTable]: z
    .string()
    .check(z.regex(/^[\w.-]{3,255}$/, { error: 'expected a DynamoDB table name' })),
  [COVERAGE_ENV.silentMinutes]: z._default(
    z.pipe(z.string().check(z.regex(/^[1-9]\d*$/, { error: 'expected whole minutes' })), z.transform(Number)),
    180,
  ),
  [COVERAGE_ENV.accounts]: z._default(
    z.pipe(
      z
        .string()
        .check(z.regex(/^(\d{12}(,\d{12})*)?$/, { error: 'expected 12-digit account ids, comma-separated' })),
      z.transform((text) => (text ? text.split(',') : [])),
    ),
    [],
  ),
  [COVERAGE_ENV.enabledRegions]: z._default(flag, true),
  [COVERAGE_ENV.trails]: z._default(flag, true),
});

type CoverageCheckConfig = z.infer<typeof CoverageCheckConfigSchema>;

export { CoverageCheckConfigSchema, COVERAGE_ENV };
export type { CoverageCheckConfig };

/**
 * The metrics each coverage check publishes (embedded metric format, in the function's log), with
 * the function's name as the one dimension; the CDK construct's alarms read them.
 */
const COVERAGE_METRICS = {
  namespace: 'rootwatch',
  dimension: 'FunctionName',
  /** Places expected or ever heard. */
  places: 'CoveragePlaces',
  /** Places silent for longer than the period, or never heard. */
  silent: 'SilentPlaces',
  /** Places without a trail logging read and write management events (when trails are read). */
  trailGaps: 'TrailGaps',
  /** Inputs the check could not read (a Region's trails, an account's Regions). */
  problems: 'CoverageProblems',
} as const;

export { COVERAGE_METRICS };
