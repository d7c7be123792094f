import { parseArgs } from 'node:util';
import { AUDIT_DEFAULTS } from '../posture/audit-root.ts';
import { SEVERITIES } from '../schemas/finding-enums.ts';
import {
  DEFAULT_MAX_OBJECT_MB,
  DEFAULT_OBJECT_TIMEOUT_SECONDS,
  MAX_OBJECT_MB,
} from '../schemas/read-options.ts';
import type { Severity } from '../schemas/finding.ts';
import { parseAuditArgs } from './commands/audit-args.ts';
import { parseScanArgs } from './commands/scan-args.ts';
import { parseSqlArgs } from './commands/sql-args.ts';
import { chooseFormat, FORMAT_OPTIONS } from './format/format-option.ts';
import type { CommandIo } from './io.ts';
import { processIo } from './io.ts';
import { escapeControl } from '../findings/formats/control-characters.ts';
import { loadDetectorConfig } from './load-detector-config.ts';
import { READ_LIMIT_OPTIONS, readLimitsOption } from './read-limits-option.ts';
import { suppressionsOption } from './suppressions-option.ts';
import { UsageError } from './usage-error.ts';

const USAGE = `rootwatch: detect AWS root-account activity in CloudTrail

Usage:
  rootwatch classify [--format FORMAT | --json] [--fail-on SEVERITY] [--summary] [--config FILE]
                     [--suppressions FILE] [--sanctioned-tasks FILE] [--max-object-mb N] FILE... | -
  rootwatch replay [--aws] [--records FILE] [--alert-min-severity SEVERITY] [--format FORMAT | --json]
                   [--config FILE] [--suppressions FILE] [--sanctioned-tasks FILE] [--max-object-mb N]
                   [PATH...]
  rootwatch audit [--json] [--as-of DATE] [--window-days N] [--min-account-age-days N]
                  [--facts FILE] [--summary FILE] [--report FILE.html] [--config FILE] [--max-object-mb N]
                  PATH...
  rootwatch scan [--format FORMAT | --json] [--out FILE] [--summary FILE] [--report FILE.html]
                 [--since DATE] [--until DATE] [--account ID]... [--region R]... [--workers N]
                 [--max-object-mb N] [--object-timeout SECONDS] [--config FILE] [--suppressions FILE]
                 PATH...
  rootwatch sql --engine athena|cloudtrail-lake [--table NAME] [--since DATE] [--until DATE]
                [--partition COLUMN|none]
  rootwatch sql --engine athena --create-table --table NAME --bucket B [--prefix P]
                --organization o-… --account ID... --region R... [--since DATE]
  rootwatch coverage [--table NAME] [--silent-after MINUTES] [--account ID]... [--region R]...
                     [--enabled-regions] [--no-trails] [--json] [--report FILE.html]

Commands:
  classify   print one finding per root event in CloudTrail records, EventBridge envelopes,
             log files ({"Records": [...]}), JSON Lines of those, or gzip of any of them
  replay     feed events (default: the bundled events/) through the real Lambda handler, as the
             EventBridge rule delivers them; print the alerts a SOC would receive, then a summary
  audit      check root posture (CIS) in IAM credential reports: CSV, or the JSON that
             aws iam get-credential-report prints; directories are walked
  scan       hunt root activity in CloudTrail archives: folders in the S3 layout (AWSLogs/...),
             log files, JSON Lines exports, s3://bucket/prefix; findings, then per-account and
             fleet figures
  sql        print the query that applies the same detection in Athena or CloudTrail Lake
  coverage   per account and Region: when its forwarder was last heard (the liveness table), and
             whether a trail logs read and write management events there (docs/coverage.md)

Options:
  --format FORMAT     classify, replay, scan: print findings as native (the finding contract), ocsf (an OCSF
                      Detection Finding), asff (a Security Hub finding), one JSON object per line, or
                      text (readable); default: classify and scan a table, replay text
  --asff-account ACCOUNT, --asff-region REGION
                      with --format asff: the account and Region whose Security Hub imports the
                      findings (AwsAccountId, ProductArn); default each finding's own
  --json              one JSON result per line (finding or posture result) instead of a table;
                      for classify, replay and scan, short for --format native
  --fail-on SEVERITY  classify: exit 1 when a finding at or above SEVERITY (${SEVERITIES.join(', ')}) was printed
  --summary           classify: end with counts by severity, credential and activity (stderr with --json)
  --config FILE       detector settings (JSON): CIS versions, severity overrides, the protected resources
                      whose tampering is a finding (the Rootwatch stack's DetectorConfig output; audit
                      reads cisVersions)
  --aws               replay: record and alert in AWS (ROOTWATCH_LOG_GROUP, ROOTWATCH_ALERT_BUS, AWS_REGION…)
  --records FILE      replay: the JSON Lines file of records (default: a new temporary file)
  --suppressions FILE classify, replay, scan: approved exceptions (JSON, README "Suppression"): shown
                      with their rule, not alerted, not counted by --fail-on
  --sanctioned-tasks FILE
                      classify, replay: expected AssumeRoot tasks (JSON, docs/tampering-and-takeover.md),
                      treated as suppressions of the AssumeRoot call and of its session
  --alert-min-severity SEVERITY
                      replay: findings below it are recorded, not alerted (default low)
  --as-of DATE        audit: judge as of DATE (ISO 8601); default the report's GeneratedTime, else now
  --window-days N     audit: root use within N days before the as-of fails (default ${AUDIT_DEFAULTS.windowDays})
  --min-account-age-days N
                      audit: root use is not judged in accounts younger than N days (default ${AUDIT_DEFAULTS.minAccountAgeDays})
  --facts FILE        audit: the AWS answers a credential report cannot hold (JSON, docs/posture-and-series.md):
                      ListOrganizationsFeatures, and per account root's login profile and virtual MFA devices;
                      they decide centralized-root-access and "no root credentials"
  --summary FILE      audit: also write the summary as JSON: figures, root credentials, key ages, and the
                      weekly series over reports of several dates
  --report FILE.html  audit: also write a self-contained HTML page: the fleet figures beside the field
                      study's, the weekly series, the key ages, the checks' status counts, every account
                      (failures first) with its evidence, the inputs that could not be audited and the warnings
  --max-object-mb N   classify, replay, audit, scan: the largest file or object read, as stored and
                      after gunzip, in MiB (default ${DEFAULT_MAX_OBJECT_MB}, at most ${MAX_OBJECT_MB}); a larger one is reported
  -h, --help          this help

  Files are read whole, gzip or not (by its magic number), without a UTF-8 BOM; a file may hold one
  JSON document or several one after another (JSON Lines, cat a.json b.json). Only regular files are
  read: a FIFO, a device, a symbolic link to a folder inside a folder are reported, and so is an
  empty file. A truncated file gives its whole records and reports the cut (docs/cli.md).

Options of scan:
  --json, --format    --json and --format native|ocsf|asff print one JSON finding per line, and the
                      summary then goes to stderr (or --summary); --format text prints readable
                      findings, summary on stdout. Findings print in event-time order once all is
                      read, grouped into incidents as the live detector groups them
  --out FILE          write the findings to FILE instead of stdout
  --summary FILE      write the summary as JSON (accounts, fleet figures, the weekly series, the scope,
                      the critical findings, what was read)
  --report FILE.html  write a self-contained HTML page: the scope, severity and critical findings, the
                      weekly series and repeat offenders, the fleet charts, the accounts, what was read,
                      and the objects and records that could not be read
  --since, --until    YYYY-MM-DD or ISO time: prune folders by date (a day of slack), then keep
                      the records whose eventTime is within
  --account ID        only this account (repeatable): prunes AWSLogs/<account>/ folders, then keeps
                      the records whose account or recipient account it is
  --region R          only this region (repeatable), the same way
  --workers N         threads that read, gunzip and prefilter objects (default one per core, as many
                      as a quarter of the memory holds at 256 MB each; at most 64; 0 = scan in the
                      main thread)
  --object-timeout SECONDS
                      the time one object may take to read and scan (default ${DEFAULT_OBJECT_TIMEOUT_SECONDS}): a worker
                      past it is replaced, and the object reported

Options of sql:
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

Options of coverage:
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

Exit codes: classify, audit: 0 done; 1 a finding at or above --fail-on, or a failed posture check;
            2 invalid input or usage (2 wins over 1).
            replay: 0 done (invalid events are recorded, as the Lambda does); 1 a delivery failed;
            2 unreadable input or usage.
            scan: 2 when an object or record could not be read, after scanning all the rest.
            coverage: 0 every place covered; 1 a place silent, never heard or without a read and
            write trail (or no place at all); 2 unreadable input or usage (2 wins over 1).`;

const severityOption = (value: string | undefined, option: string): Severity | undefined => {
  if (value === undefined) return undefined;
  if (!(SEVERITIES as readonly string[]).includes(value)) {
    throw new UsageError(`${option} takes one of ${SEVERITIES.join(', ')}, not "${value}"`);
  }
  return value as Severity;
};

const audit = async (args: string[], io: CommandIo): Promise<number> => {
  const options = await parseAuditArgs(args);
  const { runAudit } = await import('./commands/audit.ts');
  return (await runAudit(options, io)).code;
};

const classify = async (args: string[], io: CommandIo): Promise<number> => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...FORMAT_OPTIONS,
      ...READ_LIMIT_OPTIONS,
      summary: { type: 'boolean', default: false },
      'fail-on': { type: 'string' },
      config: { type: 'string' },
      suppressions: { type: 'string' },
      'sanctioned-tasks': { type: 'string' },
    },
  });
  if (positionals.length === 0) throw new UsageError('classify needs at least one FILE, directory or -');
  const { format, asff } = chooseFormat(values, 'table');
  const { runClassify } = await import('./commands/classify.ts');
  return runClassify(
    {
      paths: positionals,
      format,
      asff,
      summary: values.summary,
      failOn: severityOption(values['fail-on'], '--fail-on'),
      config: await loadDetectorConfig(values.config),
      suppressions: suppressionsOption(values.suppressions, io, new Date(), values['sanctioned-tasks']),
      limits: readLimitsOption(values['max-object-mb']),
    },
    io,
  );
};

const replay = async (args: string[], io: CommandIo): Promise<number> => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      aws: { type: 'boolean', default: false },
      records: { type: 'string' },
      'alert-min-severity': { type: 'string' },
      config: { type: 'string' },
      suppressions: { type: 'string' },
      'sanctioned-tasks': { type: 'string' },
      ...FORMAT_OPTIONS,
      ...READ_LIMIT_OPTIONS,
    },
  });
  const { format, asff } = chooseFormat(values, 'text');
  const { runReplay } = await import('./commands/replay.ts');
  return runReplay(
    {
      format,
      asff,
      paths: positionals,
      aws: values.aws,
      recordsFile: values.records,
      alertMinSeverity: severityOption(values['alert-min-severity'], '--alert-min-severity') ?? 'low',
      config: await loadDetectorConfig(values.config),
      suppressions: suppressionsOption(values.suppressions, io, new Date(), values['sanctioned-tasks']),
      limits: readLimitsOption(values['max-object-mb']),
    },
    io,
  );
};

const scan = async (args: string[], io: CommandIo): Promise<number> => {
  const { options, config, output, suppressionsFile } = await parseScanArgs(args);
  const suppressions = suppressionsOption(suppressionsFile, io);
  const { runScan } = await import('./commands/scan.ts');
  return runScan(options, config, io, { output: { ...output, suppressions } });
};

const sql = async (args: string[], io: CommandIo): Promise<number> => {
  const options = parseSqlArgs(args);
  const { runSql } = await import('./commands/sql.ts');
  return runSql(options, io);
};

const coverage = async (args: string[], io: CommandIo): Promise<number> => {
  const { parseCoverageArgs } = await import('./commands/coverage-args.ts');
  const options = parseCoverageArgs(args, process.env);
  const { runCoverage } = await import('./commands/coverage.ts');
  return runCoverage(options, io);
};

const COMMANDS: Record<string, (args: string[], io: CommandIo) => Promise<number>> = {
  classify,
  coverage,
  replay,
  scan,
  sql,
  audit,
};

/**
 * The commands' output with control characters escaped (findings/formats/control-characters.ts):
 * a record field or a file name that carries ANSI or OSC escapes, `\r` or bidi overrides is shown,
 * never acted on by the terminal. Lines keep their newlines; JSON lines stay the same JSON.
 */
const terminalSafe = (io: CommandIo): CommandIo => {
  const safe = (line: string) => escapeControl(line, { keepNewlines: true });
  const { status } = io;
  return {
    out: (line) => io.out(safe(line)),
    err: (line) => io.err(safe(line)),
    ...(status && { status: (line: string) => status(safe(line)) }),
  };
};

/** Runs one command line and returns the exit code; never throws. */
const main = async (argv: string[], given: CommandIo = processIo): Promise<number> => {
  const io = terminalSafe(given);
  const [name, ...args] = argv;
  if (
    name === undefined ||
    name === '-h' ||
    name === '--help' ||
    args.includes('--help') ||
    args.includes('-h')
  ) {
    // Asked for, the usage is the output; missing a command, it is the error.
    if (name === undefined) {
      io.err(USAGE);
      return 2;
    }
    io.out(USAGE);
    return 0;
  }
  const run = COMMANDS[name];
  if (!run) {
    io.err(`rootwatch: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  try {
    return await run(args, io);
  } catch (error) {
    io.err(`rootwatch ${name}: ${(error as Error).message}`);
    return 2;
  }
};

export { main, USAGE };
