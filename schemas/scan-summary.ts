import * as z from 'zod/mini';
import './zod-english.ts';
import { ACTIVITIES, ActivitySchema, CREDENTIALS, CredentialSchema, SEVERITIES } from './finding-enums.ts';
import { IsoWeekSchema, WeeklySeriesSchema } from './weekly-series.ts';

const count = z.int().check(z.minimum(0));
/** A share in [0, 1], or null when there is nothing to divide (no accounts, no sign-ins). */
const share = z.nullable(z.number().check(z.minimum(0), z.maximum(1)));
const countsOf = <const K extends readonly [string, ...string[]]>(keys: K) =>
  z.strictObject(Object.fromEntries(keys.map((key) => [key, count])) as { [P in K[number]]: typeof count });
const time = z.iso.datetime({ offset: true });

/** Root console sign-ins (`ConsoleLogin`): successful ones by MFA, and the failed attempts. */
const SignInsSchema = z.strictObject({
  withMfa: count,
  withoutMfa: count,
  mfaUnknown: count,
  failed: count,
});

/**
 * One account's root use. A "use" is a finding other than `aws-service` (an AWS service acting
 * with the root identity is no one's use); failed calls and sign-ins count: someone tried.
 */
const AccountSummarySchema = z.strictObject({
  account: z.string(),
  /** Whether an S3 key of the archive names this account (else only its records do). */
  inArchiveKeys: z.boolean(),
  uses: count,
  byCredential: countsOf(CREDENTIALS),
  byActivity: countsOf(ACTIVITIES),
  signIns: SignInsSchema,
  longTermKeyUses: count,
  /** Distinct weeks (Monday, UTC) with a use. More than one makes a repeat offender. */
  weeks: count,
  /** Those weeks as ISO weeks (UTC), in order. */
  weeksWithRootUse: z.array(IsoWeekSchema),
  firstSeen: z.nullable(time),
  lastSeen: z.nullable(time),
});

/** The field study's figures across the fleet (docs/cli.md, "rootwatch scan"). */
const FleetFiguresSchema = z.strictObject({
  /** The accounts named by the archive's S3 keys, plus those only the findings name. */
  accountsInArchive: count,
  accountsBasis: z.literal('accounts named by S3 keys (AWSLogs/<account>/) or by findings'),
  accountsWithRootUse: count,
  shareOfAccountsWithRootUse: share,
  repeatOffenders: count,
  repeatOffendersShareOfUses: share,
  uses: count,
  longTermKeyUses: count,
  shareOfUsesByLongTermKey: share,
  signIns: SignInsSchema,
  /** Successful root console sign-ins without MFA, of those whose MFA is known. */
  shareOfSignInsWithoutMfa: share,
  /** Uses per week (the Monday, UTC), in order, weeks without uses included between the first and last. */
  usesPerWeek: z.array(z.strictObject({ week: z.iso.date(), uses: count })),
  /** The field study's weekly method: accounts observed and with root use per ISO week, each account's weeks. */
  weekly: WeeklySeriesSchema,
  byCredential: countsOf(CREDENTIALS),
});

/**
 * What the scan covered, as asked and as found: the paths, the filters, the delivery days the S3
 * keys name and the event times of the findings. Null where there is nothing to say (no filter, no key
 * in the S3 layout, no finding).
 */
const ScanScopeSchema = z.strictObject({
  sources: z.array(z.string()),
  filters: z.strictObject({
    since: z.nullable(time),
    until: z.nullable(time),
    accounts: z.array(z.string()),
    regions: z.array(z.string()),
  }),
  deliveryDays: z.nullable(z.strictObject({ first: z.iso.date(), last: z.iso.date() })),
  findingTimes: z.nullable(z.strictObject({ first: time, last: time })),
});

/** A critical finding, in brief, for the report's list: what happened, where, when. */
const CriticalFindingSchema = z.strictObject({
  eventId: z.string(),
  time,
  account: z.string(),
  region: z.string(),
  eventName: z.string(),
  credential: CredentialSchema,
  activity: ActivitySchema,
  title: z.string(),
});

/** What was read, skipped and could not be read. */
const ScanInputsSchema = z.strictObject({
  objectsListed: count,
  objectsScanned: count,
  /** Objects holding CloudTrail records (their `"eventVersion"` key; scan/record-signature.ts). */
  objectsWithRecords: count,
  objectsWithMarker: count,
  objectsPruned: count,
  foldersPruned: count,
  bytesStored: count,
  bytesScanned: count,
  recordsParsed: count,
  unreadable: count,
  invalidRecords: count,
});

/**
 * The JSON summary of `rootwatch scan` (`--summary FILE`): what was read, the findings by kind,
 * each account's root use and the fleet figures. Strict, like every output of rootwatch.
 * @example { "schemaVersion": "1", "inputs": { "objectsListed": 55, … }, "findings": { "total": 3, … },
 *   "accounts": [{ "account": "111122223333", "uses": 3, … }], "fleet": { "accountsInArchive": 1, … }, "notes": [] }
 */
const ScanSummarySchema = z.strictObject({
  schemaVersion: z.literal('1'),
  inputs: ScanInputsSchema,
  findings: z.strictObject({
    total: count,
    bySeverity: countsOf(SEVERITIES),
    byCredential: countsOf(CREDENTIALS),
    byActivity: countsOf(ACTIVITIES),
    /** Root-related records that gave no finding, by reason (`aws-service-event`, `correlation-only`). */
    ignored: z.record(z.string(), count),
    /** Findings left out by --since, --until, --account, --region (judged on the records). */
    outsideFilters: count,
  }),
  accounts: z.array(AccountSummarySchema),
  fleet: FleetFiguresSchema,
  scope: ScanScopeSchema,
  /** The critical findings, earliest first: `listed` holds the first 100 of `total`. */
  critical: z.strictObject({ total: count, listed: z.array(CriticalFindingSchema) }),
  /** Things a reader should know, e.g. S3 keys naming another account than the records. */
  notes: z.array(z.string()),
});

type ScanSummary = z.infer<typeof ScanSummarySchema>;
type ScanInputs = z.infer<typeof ScanInputsSchema>;
type AccountSummary = z.infer<typeof AccountSummarySchema>;
type FleetFigures = z.infer<typeof FleetFiguresSchema>;
type SignIns = z.infer<typeof SignInsSchema>;

type ScanScope = z.infer<typeof ScanScopeSchema>;
type CriticalFinding = z.infer<typeof CriticalFindingSchema>;

export {
  ScanSummarySchema,
  ScanInputsSchema,
  AccountSummarySchema,
  FleetFiguresSchema,
  SignInsSchema,
  ScanScopeSchema,
  CriticalFindingSchema,
};
export type { ScanSummary, ScanInputs, AccountSummary, FleetFigures, SignIns, ScanScope, CriticalFinding };
