import { parseArgs } from 'node:util';
import { PRODUCT } from '../findings/formats/product.ts';
import { didYouMean } from '../schemas/closest-name.ts';
import { parseAuditArgs } from './commands/audit-args.ts';
import { parseScanArgs } from './commands/scan-args.ts';
import { parseSqlArgs } from './commands/sql-args.ts';
import { chooseFormat, FORMAT_OPTIONS } from './format/format-option.ts';
import type { CommandIo } from './io.ts';
import { processIo } from './io.ts';
import { escapeControl } from '../findings/formats/control-characters.ts';
import { loadDetectorConfig } from './load-detector-config.ts';
import { severityOption } from './severity-option.ts';
import { READ_LIMIT_OPTIONS, readLimitsOption } from './read-limits-option.ts';
import { suppressionsOption } from './suppressions-option.ts';
import { UsageError } from './usage-error.ts';
import { errorLine } from './error-line.ts';
import { COMMAND_HELP, COMMAND_NAMES, USAGE, isCommand } from './usage.ts';
import type { CommandName } from './usage.ts';

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
      suppressions: suppressionsOption(values.suppressions, io, now, values['sanctioned-tasks']),
      now,
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
      'fail-on': { type: 'string' },
      config: { type: 'string' },
      suppressions: { type: 'string' },
      'sanctioned-tasks': { type: 'string' },
      ...FORMAT_OPTIONS,
      ...READ_LIMIT_OPTIONS,
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
      suppressions: suppressionsOption(values.suppressions, io, now, values['sanctioned-tasks']),
      now,
      limits: readLimitsOption(values['max-object-mb']),
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

const coverage = async (args: string[], io: CommandIo): Promise<number> => {
  const { parseCoverageArgs } = await import('./commands/coverage-args.ts');
  const options = parseCoverageArgs(args, process.env);
  const { runCoverage } = await import('./commands/coverage.ts');
  return runCoverage(options, io);
};

const COMMANDS: Record<CommandName, (args: string[], io: CommandIo) => Promise<number>> = {
  classify,
  coverage,
  replay,
  scan,
  sql,
  audit,
};

const TOP_LEVEL = ['--help', '-h', '--version'];

/** `rootwatch clasify`: one line that names it, the closest command, and where the list is. */
const unknownCommand = (name: string): string =>
  `rootwatch: unknown ${name.startsWith('-') ? 'option' : 'command'} "${name}"` +
  `${didYouMean(name, name.startsWith('-') ? TOP_LEVEL : COMMAND_NAMES)}; see rootwatch --help`;

/**
 * The commands' output with control characters escaped (findings/formats/control-characters.ts):
 * a record field or a file name that carries ANSI or OSC escapes, `\r` or bidi overrides is shown,
 * never acted on by the terminal. Lines keep their newlines; JSON lines stay the same JSON. The
 * clock passes through.
 */
const terminalSafe = (io: CommandIo): CommandIo => {
  const safe = (line: string) => escapeControl(line, { keepNewlines: true });
  const { status, now } = io;
  return {
    out: (line) => io.out(safe(line)),
    err: (line) => io.err(safe(line)),
    ...(status && { status: (line: string) => status(safe(line)) }),
    ...(now && { now }),
  };
};

/**
 * Runs one command line and returns the exit code; never throws. `rootwatch --help` and
 * `rootwatch COMMAND --help` print the usage (exit 0); no command prints it as the error (exit 2).
 */
const main = async (argv: string[], given: CommandIo = processIo): Promise<number> => {
  const io = terminalSafe(given);
  const [name, ...args] = argv;
  if (name === undefined) {
    io.err(USAGE);
    return 2;
  }
  if (name === '--help' || name === '-h') {
    io.out(USAGE);
    return 0;
  }
  if (name === '--version') {
    io.out(`${PRODUCT.name} ${PRODUCT.version}`);
    return 0;
  }
  if (!isCommand(name)) {
    io.err(unknownCommand(name));
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(COMMAND_HELP[name]);
    return 0;
  }
  try {
    return await COMMANDS[name](args, io);
  } catch (error) {
    io.err(errorLine(name, error));
    return 2;
  }
};

export { main, USAGE };
