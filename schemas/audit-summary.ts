import * as z from 'zod/mini';
import './zod-english.ts';
import { KeyAgesSchema } from './key-ages.ts';
import {
  POSTURE_CHECKS,
  POSTURE_STATUSES,
  PostureCheckIdSchema,
  PostureStatusSchema,
} from './posture-result.ts';
import { WeeklySeriesSchema } from './weekly-series.ts';

const count = z.int().check(z.minimum(0));
const share = z.nullable(z.number().check(z.minimum(0), z.maximum(1)));
const countsOf = <const K extends readonly [string, ...string[]]>(keys: K) =>
  z.strictObject(Object.fromEntries(keys.map((key) => [key, count])) as { [P in K[number]]: typeof count });

const ROOT_CREDENTIAL_STATES = ['none', 'held', 'undecided'] as const;

/** One field-study figure: the share of the accounts where the check was decided that fail it. */
const AuditFigureSchema = z.strictObject({
  id: z.enum(['root-access-keys', 'root-keys-over-90-days', 'root-without-mfa', 'recent-root-use']),
  check: PostureCheckIdSchema,
  label: z.string(),
  decided: count,
  failing: count,
  share,
  skipped: count,
  unknown: count,
});

/** One audited report, in brief: where it came from, when it was judged, each check's status. */
const AuditedReportSchema = z.strictObject({
  account: z.string(),
  source: z.string(),
  asOf: z.iso.datetime({ offset: true }),
  asOfSource: z.enum(['report', 'given', 'now']),
  rootCredentials: z.enum(ROOT_CREDENTIAL_STATES),
  statuses: z.strictObject(
    Object.fromEntries(POSTURE_CHECKS.map((check) => [check, PostureStatusSchema])) as {
      [P in (typeof POSTURE_CHECKS)[number]]: typeof PostureStatusSchema;
    },
  ),
});

/**
 * The JSON summary of `rootwatch audit` (`--summary FILE`): counts by check and status over
 * distinct accounts (each its latest report), the field study's figures, root credentials by state,
 * the active root keys' ages, the weekly series over every report, and every report in brief.
 * Strict, like every output of rootwatch.
 * @example { "schemaVersion": "1", "accounts": 3, "reports": 12, "statuses": { "root-mfa": { "pass": 2, … } },
 *   "rootCredentials": { "none": 1, "held": 2, "undecided": 0 }, "keyAges": { "keys": 1, … },
 *   "weekly": { "weeks": [ … ], … }, "reportsAudited": [ … ] }
 */
const AuditSummaryFileSchema = z.strictObject({
  schemaVersion: z.literal('1'),
  accounts: count,
  reports: count,
  invalidInputs: count,
  settings: z.strictObject({ windowDays: count, minAccountAgeDays: count }),
  statuses: z.strictObject(
    Object.fromEntries(POSTURE_CHECKS.map((check) => [check, countsOf(POSTURE_STATUSES)])) as {
      [P in (typeof POSTURE_CHECKS)[number]]: ReturnType<typeof countsOf<typeof POSTURE_STATUSES>>;
    },
  ),
  figures: z.array(AuditFigureSchema),
  rootCredentials: countsOf(ROOT_CREDENTIAL_STATES),
  keyAges: KeyAgesSchema,
  weekly: WeeklySeriesSchema,
  duplicateAccounts: z.array(z.string()),
  reportsAudited: z.array(AuditedReportSchema),
});

type AuditSummaryFile = z.infer<typeof AuditSummaryFileSchema>;

export { AuditSummaryFileSchema, ROOT_CREDENTIAL_STATES };
export type { AuditSummaryFile };
