import { parseArgs } from 'node:util';
import { SEVERITIES } from '../schemas/finding.ts';
import type { Severity } from '../schemas/finding.ts';
import type * as ClassifyCommand from './commands/classify.ts';
import type * as ScanCommand from './commands/scan.ts';
import { parseScanArgs } from './commands/scan-args.ts';
import type * as SqlCommand from './commands/sql.ts';
import { parseSqlArgs } from './commands/sql-args.ts';
import type { CommandIo } from './io.ts';
import { processIo } from './io.ts';
import { loadDetectorConfig } from './load-detector-config.ts';
import { loadModule } from './load-module.ts';
import { UsageError } from './usage-error.ts';

const USAGE = `rootwatch: detect AWS root-account activity in CloudTrail

Usage:
  rootwatch classify [--json] [--fail-on SEVERITY] [--summary] [--config FILE] FILE... | -
  rootwatch scan [--json] [--out FILE] [--summary FILE] [--report FILE.html] [--since DATE]
                 [--until DATE] [--account ID]... [--region R]... [--workers N] [--config FILE] PATH...
  rootwatch sql --engine athena|cloudtrail-lake [--table NAME]

Commands:
  classify   print one finding per root event in CloudTrail records, EventBridge envelopes,
             log files ({"Records": [...]}), JSON Lines of those, or gzip of any of them
  scan       hunt root activity in CloudTrail archives: folders in the S3 layout (AWSLogs/...),
             log files, JSON Lines exports, s3://bucket/prefix; findings, then per-account and
             fleet figures
  sql        print the query that applies the same detection in Athena or CloudTrail Lake

Options:
  --json              one JSON finding per line (the finding contract) instead of a table
  --fail-on SEVERITY  exit 1 when a finding at or above SEVERITY (${SEVERITIES.join(', ')}) was printed
  --summary           end with counts by severity, credential and activity (stderr with --json)
  --config FILE       detector settings (JSON): CIS versions, severity overrides
  -h, --help          this help

Options of scan:
  --json              one JSON finding per line; the summary then goes to stderr (or --summary)
  --out FILE          write the findings to FILE instead of stdout
  --summary FILE      write the summary as JSON (accounts, fleet figures, what was read)
  --report FILE.html  write a self-contained HTML page with the fleet charts
  --since, --until    YYYY-MM-DD or ISO time: prune folders by date (a day of slack), then keep
                      the records whose eventTime is within
  --account ID        only this account (repeatable): prunes AWSLogs/<account>/ folders, then keeps
                      the records whose account or recipient account it is
  --region R          only this region (repeatable), the same way
  --workers N         worker threads reading and gunzipping (default 2; 0 = none)

Options of sql:
  --engine ENGINE     athena or cloudtrail-lake
  --table NAME        the table (Athena) or event data store id (CloudTrail Lake)

Exit codes: 0 done; 1 a finding at or above --fail-on; 2 invalid input or usage (2 wins over 1).
scan exits 2 when an object or record could not be read, after scanning all the rest.`;

/** A command's module, loaded when it runs: each command starts without the others' code. */
const command = <T>(name: string): Promise<T> =>
  loadModule<T>(new URL(`./commands/${name}.ts`, import.meta.url));

const severityOption = (value: string | undefined): Severity | undefined => {
  if (value === undefined) return undefined;
  if (!(SEVERITIES as readonly string[]).includes(value)) {
    throw new UsageError(`--fail-on takes one of ${SEVERITIES.join(', ')}, not "${value}"`);
  }
  return value as Severity;
};

const classify = async (args: string[], io: CommandIo): Promise<number> => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      summary: { type: 'boolean', default: false },
      'fail-on': { type: 'string' },
      config: { type: 'string' },
    },
  });
  if (positionals.length === 0) throw new UsageError('classify needs at least one FILE, directory or -');
  const { runClassify } = await command<typeof ClassifyCommand>('classify');
  return runClassify(
    {
      paths: positionals,
      json: values.json,
      summary: values.summary,
      failOn: severityOption(values['fail-on']),
      config: await loadDetectorConfig(values.config),
    },
    io,
  );
};

const scan = async (args: string[], io: CommandIo): Promise<number> => {
  const { options, config } = await parseScanArgs(args);
  const { runScan } = await command<typeof ScanCommand>('scan');
  return runScan(options, config, io);
};

const sql = async (args: string[], io: CommandIo): Promise<number> => {
  const options = parseSqlArgs(args);
  const { runSql } = await command<typeof SqlCommand>('sql');
  return runSql(options, io);
};

const COMMANDS: Record<string, (args: string[], io: CommandIo) => Promise<number>> = { classify, scan, sql };

/** Runs one command line and returns the exit code; never throws. */
const main = async (argv: string[], io: CommandIo = processIo): Promise<number> => {
  const [command, ...args] = argv;
  if (
    command === undefined ||
    command === '-h' ||
    command === '--help' ||
    args.includes('--help') ||
    args.includes('-h')
  ) {
    io.out(USAGE);
    return command === undefined ? 2 : 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.err(`rootwatch: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  try {
    return await run(args, io);
  } catch (error) {
    io.err(`rootwatch ${command}: ${(error as Error).message}`);
    return 2;
  }
};

export { main, USAGE };
