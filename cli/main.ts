import { parseArgs } from 'node:util';
import { AUDIT_DEFAULTS } from '../posture/audit-root.ts';
import { SEVERITIES } from '../schemas/finding-enums.ts';
import { parseAuditArgs } from './commands/audit-args.ts';
import { parseScanArgs } from './commands/scan-args.ts';
import { parseSqlArgs } from './commands/sql-args.ts';
import { chooseFormat, FORMAT_OPTIONS } from './format/format-option.ts';
import type { CommandIo } from './io.ts';
import { processIo } from './io.ts';
import { loadDetectorConfig } from './load-detector-config.ts';
import { severityOption } from './severity-option.ts';
import { suppressionsOption } from './suppressions-option.ts';
import { UsageError } from './usage-error.ts';

const USAGE = `rootwatch: detect AWS root-account activity in CloudTrail

Usage:
  rootwatch classify [--format FORMAT | --json] [--fail-on SEVERITY] [--summary] [--config FILE]
                     [--suppressions FILE] FILE... | -
  rootwatch replay [--aws] [--records FILE] [--alert-min-severity SEVERITY] [--format FORMAT | --json]
                   [--config FILE] [--suppressions FILE] [PATH...]
  rootwatch audit [--json] [--as-of DATE] [--window-days N] [--min-account-age-days N]
                  [--report FILE.html] [--config FILE] PATH...
  rootwatch scan [--format FORMAT | --json] [--out FILE] [--summary FILE] [--report FILE.html]
                 [--since DATE] [--until DATE] [--account ID]... [--region R]... [--workers N]
                 [--config FILE] [--suppressions FILE] PATH...
  rootwatch sql --engine athena|cloudtrail-lake [--table NAME]

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
  --config FILE       detector settings (JSON): CIS versions, severity overrides (audit reads cisVersions)
  --aws               replay: record and alert in AWS (ROOTWATCH_LOG_GROUP, ROOTWATCH_ALERT_BUS, AWS_REGION…)
  --records FILE      replay: the JSON Lines file of records (default: a new temporary file)
  --suppressions FILE classify, replay, scan: approved exceptions (JSON, README "Suppression"): shown
                      with their rule, not alerted, not counted by --fail-on
  --alert-min-severity SEVERITY
                      replay: findings below it are recorded, not alerted (default low)
  --as-of DATE        audit: judge as of DATE (ISO 8601); default the report's GeneratedTime, else now
  --window-days N     audit: root use within N days before the as-of fails (default ${AUDIT_DEFAULTS.windowDays})
  --min-account-age-days N
                      audit: root use is not judged in accounts younger than N days (default ${AUDIT_DEFAULTS.minAccountAgeDays})
  --report FILE.html  audit: also write a self-contained HTML page: the fleet figures beside the field
                      study's, the checks' status counts, every account (failures first) with its evidence,
                      the inputs that could not be audited and the warnings
  -h, --help          this help

Options of scan:
  --json, --format    --json and --format native|ocsf|asff print one JSON finding per line, and the
                      summary then goes to stderr (or --summary); --format text prints readable
                      findings, summary on stdout. Findings print in event-time order once all is
                      read, grouped into incidents as the live detector groups them
  --out FILE          write the findings to FILE instead of stdout
  --summary FILE      write the summary as JSON (accounts, fleet figures, what was read)
  --report FILE.html  write a self-contained HTML page: the fleet charts, the accounts, what was read,
                      and the objects and records that could not be read
  --since, --until    YYYY-MM-DD or ISO time: prune folders by date (a day of slack), then keep
                      the records whose eventTime is within
  --account ID        only this account (repeatable): prunes AWSLogs/<account>/ folders, then keeps
                      the records whose account or recipient account it is
  --region R          only this region (repeatable), the same way
  --workers N         threads that read, gunzip and prefilter objects (default 2, 1 on a single core;
                      at most 64; 0 = scan in the main thread)

Options of sql:
  --engine ENGINE     athena or cloudtrail-lake
  --table NAME        the table (Athena) or event data store id (CloudTrail Lake)

Exit codes: classify, audit: 0 done; 1 a finding at or above --fail-on, or a failed posture check;
            2 invalid input or usage (2 wins over 1).
            replay: 0 done (invalid events are recorded, as the Lambda does); 1 a delivery failed;
            2 unreadable input or usage.
            scan: 2 when an object or record could not be read, after scanning all the rest.`;

/** The command's clock: the injected one, else the system's. */
const clockOf = (io: CommandIo): Date => io.now?.() ?? new Date();

const audit = async (args: string[], io: CommandIo): Promise<number> => {
  const options = await parseAuditArgs(args, clockOf(io).getTime());
  const { runAudit } = await import('./commands/audit.ts');
  return (await runAudit(options, io)).code;
};

const classify = async (args: string[], io: CommandIo): Promise<number> => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...FORMAT_OPTIONS,
      summary: { type: 'boolean', default: false },
      'fail-on': { type: 'string' },
      config: { type: 'string' },
      suppressions: { type: 'string' },
    },
  });
  if (positionals.length === 0) throw new UsageError('classify needs at least one FILE, directory or -');
  const { format, asff } = chooseFormat(values, 'table');
  const now = clockOf(io);
  const { runClassify } = await import('./commands/classify.ts');
  return runClassify(
    {
      paths: positionals,
      format,
      asff,
      summary: values.summary,
      failOn: severityOption(values['fail-on'], '--fail-on'),
      config: await loadDetectorConfig(values.config),
      suppressions: suppressionsOption(values.suppressions, io, now),
      now,
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
      'fail-on': { type: 'string' },
      config: { type: 'string' },
      suppressions: { type: 'string' },
      ...FORMAT_OPTIONS,
    },
  });
  const { format, asff } = chooseFormat(values, 'text');
  const now = clockOf(io);
  const { runReplay } = await import('./commands/replay.ts');
  return runReplay(
    {
      format,
      asff,
      paths: positionals,
      aws: values.aws,
      recordsFile: values.records,
      alertMinSeverity: severityOption(values['alert-min-severity'], '--alert-min-severity') ?? 'low',
      failOn: severityOption(values['fail-on'], '--fail-on'),
      config: await loadDetectorConfig(values.config),
      suppressions: suppressionsOption(values.suppressions, io, now),
      now,
    },
    io,
  );
};

const scan = async (args: string[], io: CommandIo): Promise<number> => {
  const { options, config, output, suppressionsFile, failOn } = await parseScanArgs(args);
  const now = clockOf(io);
  const suppressions = suppressionsOption(suppressionsFile, io, now);
  const { runScan } = await import('./commands/scan.ts');
  return runScan(options, config, io, { output: { ...output, suppressions }, now, failOn });
};

const sql = async (args: string[], io: CommandIo): Promise<number> => {
  const options = parseSqlArgs(args);
  const { runSql } = await import('./commands/sql.ts');
  return runSql(options, io);
};

const COMMANDS: Record<string, (args: string[], io: CommandIo) => Promise<number>> = {
  classify,
  replay,
  scan,
  sql,
  audit,
};

/** Runs one command line and returns the exit code; never throws. */
const main = async (argv: string[], io: CommandIo = processIo): Promise<number> => {
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
