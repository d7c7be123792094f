import * as z from 'zod/mini';
import { HANDLER_ENV, HandlerConfigSchema } from './handler-config.ts';
import './zod-english.ts';

/** The environment variable names of the completeness scan, shared with the CDK stack that sets them. */
const COMPLETENESS_ENV = {
  alertBus: HANDLER_ENV.alertBus,
  logGroup: HANDLER_ENV.logGroup,
  alertMinSeverity: HANDLER_ENV.alertMinSeverity,
  logLevel: HANDLER_ENV.logLevel,
  detectorConfig: HANDLER_ENV.detectorConfig,
  suppressionsFile: HANDLER_ENV.suppressionsFile,
  sanctionedTasksFile: HANDLER_ENV.sanctionedTasksFile,
  trailBucket: 'ROOTWATCH_TRAIL_BUCKET',
  trailPrefix: 'ROOTWATCH_TRAIL_PREFIX',
  windowHours: 'ROOTWATCH_COMPLETENESS_HOURS',
  settleMinutes: 'ROOTWATCH_COMPLETENESS_SETTLE_MINUTES',
} as const;

/** Windows tile the UTC day: their length divides 24 hours. */
const WINDOW_HOURS = [1, 2, 3, 4, 6, 8, 12, 24] as const;
/** How long after a window ends its run starts: CloudTrail delivers in about 5 minutes, not guaranteed [CT-DELIV]. */
const DEFAULT_SETTLE_MINUTES = 60;

/** Bucket naming rules, in short: 3–63 lower-case letters, digits, dots and hyphens. */
const TrailBucketSchema = z
  .string()
  .check(z.regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { error: 'expected an S3 bucket name' }));
/** A key prefix: empty (the whole bucket) or ending in `/`, e.g. `AWSLogs/o-a1b2c3d4e5/`. */
const TrailPrefixSchema = z
  .string()
  .check(z.regex(/^$|^[^*?]*\/$/, { error: 'expected a key prefix ending in "/", e.g. AWSLogs/' }));

const wholeNumber = (min: number, max: number) =>
  z.pipe(
    z.string().check(z.regex(/^\d+$/, { error: 'expected a whole number' })),
    z.pipe(z.transform(Number), z.number().check(z.minimum(min), z.maximum(max))),
  );

/**
 * The completeness scan's settings, from its environment, parsed once at cold start: the trail
 * bucket and the key prefix above the account folders (`AWSLogs/<organisation id>/` for an
 * organisation trail, `AWSLogs/` for an account trail, after the trail's own prefix if it has
 * one), the window length, and the live detector's alert threshold, detector settings and
 * suppression rules, so that a missed event gets the finding the live path would have given.
 */
const CompletenessConfigSchema = z.object({
  [COMPLETENESS_ENV.alertBus]: HandlerConfigSchema.shape[HANDLER_ENV.alertBus],
  [COMPLETENESS_ENV.logGroup]: HandlerConfigSchema.shape[HANDLER_ENV.logGroup],
  [COMPLETENESS_ENV.alertMinSeverity]: HandlerConfigSchema.shape[HANDLER_ENV.alertMinSeverity],
  [COMPLETENESS_ENV.logLevel]: HandlerConfigSchema.shape[HANDLER_ENV.logLevel],
  [COMPLETENESS_ENV.detectorConfig]: HandlerConfigSchema.shape[HANDLER_ENV.detectorConfig],
  [COMPLETENESS_ENV.suppressionsFile]: HandlerConfigSchema.shape[HANDLER_ENV.suppressionsFile],
  [COMPLETENESS_ENV.sanctionedTasksFile]: HandlerConfigSchema.shape[HANDLER_ENV.sanctionedTasksFile],
  [COMPLETENESS_ENV.trailBucket]: TrailBucketSchema,
  [COMPLETENESS_ENV.trailPrefix]: z._default(TrailPrefixSchema, 'AWSLogs/'),
  [COMPLETENESS_ENV.windowHours]: z._default(
    z.pipe(
      z.string(),
      z.pipe(
        z.transform(Number),
        z.literal([...WINDOW_HOURS], { error: 'expected 1, 2, 3, 4, 6, 8, 12 or 24' }),
      ),
    ),
    24,
  ),
  [COMPLETENESS_ENV.settleMinutes]: z._default(wholeNumber(15, 720), DEFAULT_SETTLE_MINUTES),
});

type CompletenessConfig = z.infer<typeof CompletenessConfigSchema>;

export {
  CompletenessConfigSchema,
  COMPLETENESS_ENV,
  WINDOW_HOURS,
  DEFAULT_SETTLE_MINUTES,
  TrailBucketSchema,
  TrailPrefixSchema,
};
export type { CompletenessConfig };
