import * as z from 'zod/mini';
import './zod-english.ts';
import { ACTIVITIES, CREDENTIALS, SEVERITIES } from './finding-enums.ts';

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
  firstSeen: z.nullable(time),
  lastSeen: z.nullable(time),
});

/** The field study's figures across the fleet (README, "rootwatch scan"). */
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
  byCredential: countsOf(CREDENTIALS),
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
  /** Things a reader should know, e.g. S3 keys naming another account than the records. */
  notes: z.array(z.string()),
});

type ScanSummary = z.infer<typeof ScanSummarySchema>;
type ScanInputs = z.infer<typeof ScanInputsSchema>;
type AccountSummary = z.infer<typeof AccountSummarySchema>;
type FleetFigures = z.infer<typeof FleetFiguresSchema>;
type SignIns = z.infer<typeof SignInsSchema>;

export { ScanSummarySchema, ScanInputsSchema, AccountSummarySchema, FleetFiguresSchema, SignInsSchema };
export type { ScanSummary, ScanInputs, AccountSummary, FleetFigures, SignIns };
