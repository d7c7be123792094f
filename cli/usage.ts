import { PRODUCT } from '../findings/formats/product.ts';
import { AUDIT_DEFAULTS } from '../posture/audit-root.ts';
import { SEVERITIES } from '../schemas/finding-enums.ts';
import {
  DEFAULT_MAX_OBJECT_MB,
  DEFAULT_OBJECT_TIMEOUT_SECONDS,
  MAX_OBJECT_MB,
} from '../schemas/read-options.ts';

const COMMAND_NAMES = ['classify', 'replay', 'audit', 'scan', 'sql', 'coverage'] as const;
type CommandName = (typeof COMMAND_NAMES)[number];

const FORMAT = `  --format FORMAT     print findings as native (the finding contract), ocsf (an OCSF Detection Finding),
                      asff (a Security Hub finding), one JSON object per line, or text (readable)
  --json              short for --format native
  --asff-account ACCOUNT, --asff-region REGION
                      with --format asff: the account and Region whose Security Hub imports the
                      findings (AwsAccountId, ProductArn); default each finding's own`;
const CONFIG = `  --config FILE       detector settings (JSON): CIS versions, severity overrides, the protected resources
                      whose tampering is a finding (the Rootwatch stack's DetectorConfig output)`;
const SANCTIONED = `  --sanctioned-tasks FILE
                      expected AssumeRoot tasks (JSON, docs/tampering-and-takeover.md), treated as
                      suppressions of the AssumeRoot call and of its session`;
const SUPPRESSIONS = `  --suppressions FILE approved exceptions (JSON, docs "Suppression"): shown with their rule, not
                      alerted, not counted by --fail-on`;
const FAIL_ON = (what: string) =>
  `  --fail-on SEVERITY  exit 1 when ${what} at or above SEVERITY (${SEVERITIES.join(', ')}); suppressed
                      findings do not count`;
const HELP = `  -h, --help          this help`;
const MAX_OBJECT = `  --max-object-mb N   the largest file or object read, as stored and after gunzip, in MiB
                      (default ${DEFAULT_MAX_OBJECT_MB}, at most ${MAX_OBJECT_MB}); a larger one is reported`;
const READING = `Files are read whole, gzip or not (by its magic number), without a UTF-8 BOM; a file may hold one
JSON document or several one after another (JSON Lines, cat a.json b.json). Only regular files are
read: a FIFO, a device, a symbolic link to a folder inside a folder are reported, and so is an
empty file. A truncated file gives its whole records and reports the cut (docs/cli.md).`;

/** One command's help: what `rootwatch COMMAND --help` prints. */
const COMMAND_HELP: Record<CommandName, string> = {
  classify: `Usage: rootwatch classify [--format FORMAT | --json] [--fail-on SEVERITY] [--summary] [--config FILE]
                          [--suppressions FILE] [--sanctioned-tasks FILE] [--max-object-mb N] FILE... | -

Prints one finding per root event in CloudTrail records, EventBridge envelopes, log files
({"Records": [...]}), JSON Lines of those, or gzip of any of them; directories are walked, - is stdin.
Input that is not CloudTrail is reported with its file and record, never counted as "no root activity".

${READING}

Options:
${FORMAT}
                      (default: a table)
${FAIL_ON('a finding was printed')}
  --summary           end with counts by severity, credential and activity (stderr with --json)
${CONFIG}
${SUPPRESSIONS}
${SANCTIONED}
${MAX_OBJECT}
${HELP}

Exit codes: 0 done; 1 a finding at or above --fail-on; 2 invalid input, input that is not CloudTrail,
            a path with nothing to read, or usage (2 wins over 1).`,

  replay: `Usage: rootwatch replay [--aws] [--records FILE] [--alert-min-severity SEVERITY] [--fail-on SEVERITY]
                        [--format FORMAT | --json] [--config FILE] [--suppressions FILE]
                        [--sanctioned-tasks FILE] [--max-object-mb N] [PATH...]

Feeds events (default: the bundled events/) through the real Lambda handler, as the EventBridge rule
delivers them; prints the alerts a SOC would receive, then a summary.

Options:
  --aws               record and alert in AWS (ROOTWATCH_LOG_GROUP, ROOTWATCH_ALERT_BUS, AWS_REGION…)
  --records FILE      the JSON Lines file of records (default: a new temporary file)
  --alert-min-severity SEVERITY
                      findings below it are recorded, not alerted (default low)
${FAIL_ON('a finding was recorded')}
${FORMAT}
                      (default: text)
${CONFIG}
${SUPPRESSIONS}
${SANCTIONED}
${MAX_OBJECT}
${HELP}

Exit codes: 0 done (invalid events are recorded, as the Lambda does); 1 a delivery failed, or a finding
            at or above --fail-on; 2 unreadable input, input that is not CloudTrail, a path with nothing
            to read, or usage (2 wins over 1).`,

  audit: `Usage: rootwatch audit [--json] [--as-of DATE] [--window-days N] [--min-account-age-days N]
                       [--facts FILE] [--summary FILE] [--report FILE.html] [--config FILE]
                       [--max-object-mb N] PATH...

Checks root posture (CIS) in IAM credential reports: CSV, or the JSON that
aws iam get-credential-report prints; directories are walked.

Options:
  --json              one JSON posture result per line instead of a table
  --as-of DATE        judge as of DATE (ISO 8601); default the report's GeneratedTime, else now
  --window-days N     root use within N days before the as-of fails (default ${AUDIT_DEFAULTS.windowDays})
  --min-account-age-days N
                      root use is not judged in accounts younger than N days (default ${AUDIT_DEFAULTS.minAccountAgeDays})
  --facts FILE        the AWS answers a credential report cannot hold (JSON, docs/posture-and-series.md):
                      ListOrganizationsFeatures, and per account root's login profile and virtual MFA devices;
                      they decide centralized-root-access and "no root credentials"
  --summary FILE      also write the summary as JSON: figures, root credentials, key ages, and the
                      weekly series over reports of several dates
  --report FILE.html  also write a self-contained HTML page: the fleet figures beside the field
                      study's, the weekly series, the key ages, the checks' status counts, every account
                      (failures first) with its evidence, the inputs that could not be audited and the warnings
  --config FILE       detector settings (JSON); audit reads cisVersions
${MAX_OBJECT}
${HELP}

Exit codes: 0 done; 1 a failed posture check; 2 invalid input, a path with no report, or usage
            (2 wins over 1).`,

  scan: `Usage: rootwatch scan [--format FORMAT | --json] [--fail-on SEVERITY] [--out FILE] [--summary FILE]
                      [--report FILE.html] [--since DATE] [--until DATE] [--account ID]... [--region R]...
                      [--workers N] [--max-object-mb N] [--object-timeout SECONDS] [--config FILE]
                      [--suppressions FILE] PATH...

Hunts root activity in CloudTrail archives: folders in the S3 layout (AWSLogs/...), log files, JSON
Lines exports, s3://bucket/prefix; findings, then per-account and fleet figures.

Options:
${FORMAT}
                      (default: a table). With --json and --format native|ocsf|asff the summary goes to
                      stderr (or --summary); --format text prints it on stdout. Findings print in
                      event-time order once all is read, grouped into incidents as the live detector does
${FAIL_ON('a finding was found')}
  --out FILE          write the findings to FILE instead of stdout
  --summary FILE      write the summary as JSON (accounts, fleet figures, the weekly series, the scope,
                      the critical findings, what was read)
  --report FILE.html  write a self-contained HTML page: the scope, severity and critical findings, the
                      weekly series and repeat offenders, the fleet charts, the accounts, what was read,
                      and the objects and records that could not be read
  --since, --until    YYYY-MM-DD or ISO time: prune folders by date (a day of slack), then keep the
                      records whose eventTime is within
  --account ID        only this account (repeatable): prunes AWSLogs/<account>/ folders, then keeps the
                      records whose account or recipient account it is
  --region R          only this region (repeatable), the same way
  --workers N         threads that read, gunzip and prefilter objects (default one per core, as many
                      as a quarter of the memory holds at 256 MB each; at most 64; 0 = scan in the
                      main thread)
${MAX_OBJECT}
  --object-timeout SECONDS
                      the time one object may take to read and scan (default ${DEFAULT_OBJECT_TIMEOUT_SECONDS}): a worker
                      past it is replaced, and the object reported
${CONFIG}
${SUPPRESSIONS}
${HELP}

Exit codes: 0 done; 1 a finding at or above --fail-on; 2 an object or record that could not be read
            or is not CloudTrail, a path or prefix with nothing to scan, filters that pruned
            everything, no CloudTrail record in any object, or usage; after scanning all the rest
            (2 wins over 1).`,

  sql: `Usage: rootwatch sql --engine athena|cloudtrail-lake [--table NAME] [--since DATE] [--until DATE]
                     [--partition COLUMN|none]
       rootwatch sql --engine athena --create-table --table NAME --bucket B [--prefix P]
                     --organization o-… --account ID... --region R... [--since DATE]

Prints the query that applies the same detection in Athena or CloudTrail Lake.

Options:
  --engine ENGINE     athena or cloudtrail-lake
  --table NAME        the table (Athena: [catalog.][database.]table) or event data store id (CloudTrail Lake)
  --since, --until    YYYY-MM-DD or ISO time: the query reads only that time (Athena: and the day
                      partitions around it, a day of slack, as scan prunes folders)
  --partition COLUMN  Athena: the table's day partition, yyyy/MM/dd (default timestamp, as
                      --create-table and the Athena guide name it); none for a table without one
  --create-table      print the Athena table over an organisation trail (partition projection) instead:
                      --bucket, --prefix (before AWSLogs/), --organization, --account and --region
                      (the partitions it projects), --since (its first day)
                      The Athena query's results carry each record as JSON (column record):
                      rootwatch classify reads their CSV back (docs/sql.md)
${HELP}

Exit codes: 0 done; 2 usage.`,

  coverage: `Usage: rootwatch coverage [--table NAME] [--silent-after MINUTES] [--account ID]... [--region R]...
                          [--enabled-regions] [--no-trails] [--json] [--report FILE.html]

Per account and Region: when its forwarder was last heard (the liveness table), and whether a trail
logs read and write management events there (docs/coverage.md).

Options:
  --table NAME        the liveness table (Rootwatch output LivenessTableName; default
                      ROOTWATCH_LIVENESS_TABLE)
  --silent-after MINUTES
                      a place not heard for longer is silent (default 180)
  --account ID, --region R
                      places that must be heard besides those that were (repeatable): each
                      account in each Region
  --enabled-regions   also expect every Region enabled in each account (account:ListRegions; for
                      member accounts, from the management or delegated administrator account)
  --no-trails         do not read CloudTrail (DescribeTrails, GetEventSelectors, GetTrailStatus)
  --json              the report as one JSON object
  --report FILE.html  also write a self-contained HTML page: the totals, every place (gaps first),
                      what could not be read
${HELP}

Exit codes: 0 every place covered; 1 a place silent, never heard or without a read and write trail
            (or no place at all); 2 unreadable input or usage (2 wins over 1).`,
};

/** `rootwatch --help`, and the error of `rootwatch` with no command. */
const USAGE = `rootwatch ${PRODUCT.version}: detect AWS root-account activity in CloudTrail

Usage: rootwatch COMMAND [OPTIONS] [PATH...]

Commands:
  classify   print one finding per root event in CloudTrail records, envelopes and log files
  replay     feed events through the real Lambda handler, as the EventBridge rule delivers them
  audit      check root posture (CIS) in IAM credential reports
  scan       hunt root activity in CloudTrail archives (folders, log files, s3://bucket/prefix)
  sql        print the query that applies the same detection in Athena or CloudTrail Lake
  coverage   per account and Region: when its forwarder was last heard, and whether a trail logs
             read and write management events there

Run rootwatch COMMAND --help for its options and exit codes.

Options:
  -h, --help          this help
  --version           print rootwatch's version`;

/** The flags a command's help names (`--json`, `--fail-on`, …): what it accepts, for "did you mean". */
const flagsOf = (command: CommandName): string[] => [
  ...new Set(COMMAND_HELP[command].match(/--[a-z][a-z-]*/g) ?? []),
];

const isCommand = (name: string): name is CommandName => (COMMAND_NAMES as readonly string[]).includes(name);

export { COMMAND_HELP, COMMAND_NAMES, USAGE, flagsOf, isCommand };
export type { CommandName };
