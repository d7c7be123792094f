import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { getCredentialReportJson, reportCsv } from '../helpers/credential-reports.ts';
import { NOBODY, RUNS_AS_ROOT, runCli } from '../helpers/run-cli.ts';
import { POSTURE_CHECKS } from '../../schemas/posture-result.ts';
import { rootRecord } from '../helpers/archive.ts';

// One table of what each command says of an input it cannot read (or can, despite appearances):
// the exit code and the one line naming the input, for classify, replay, scan and audit alike.

type Command = 'classify' | 'replay' | 'scan' | 'audit';
const COMMANDS: readonly Command[] = ['classify', 'replay', 'scan', 'audit'];

/** A root record of its own (its own event and access key, so that nothing groups it with another). */
const record = (n: number) => {
  const value = rootRecord('access-key/root-access-key-put-bucket-policy.json', {
    eventID: `root-${n}`,
    eventTime: `2025-03-0${n}T12:00:00Z`,
    account: '111122223333',
  });
  return {
    ...value,
    userIdentity: { ...(value.userIdentity as object), accessKeyId: `AKIAEXAMPLE0000000${n}` },
  };
};
const logFile = (...records: unknown[]) => JSON.stringify({ Records: records });
/** What `audit` reads: one account's credential report, as `aws iam get-credential-report` prints it. */
const report = (account: string) =>
  getCredentialReportJson(reportCsv({ arn: `arn:aws:iam::${account}:root` }), '2025-06-01T00:00:00Z');

/** Text that gzip cannot shrink much (a hash chain), so that a cut in the gzip lands inside it. */
const incompressible = (length: number) => {
  let text = '';
  for (let block = 'seed'; text.length < length; text += block)
    block = createHash('sha256').update(block).digest('hex');
  return text.slice(0, length);
};

/**
 * A gzip cut three quarters of the way: the third record (or report line) carries 40 kB that
 * barely compress, so that the cut falls inside it and the two before it are whole.
 */
const truncatedGzip = (command: Command) => {
  const text =
    command === 'audit'
      ? `${report('111122223333')}\n${report('444455556666').replace('"ReportFormat"', `"Padding":"${incompressible(40_000)}","ReportFormat"`)}`
      : logFile(record(1), record(2), {
          ...record(3),
          requestParameters: { padding: incompressible(40_000) },
        });
  const gzip = gzipSync(text);
  return gzip.subarray(0, Math.floor(gzip.length * 0.75));
};

/** Each input: how to make it in `dir` for a command (its path, and stdin when read from there). */
interface Input {
  name: string;
  make(dir: string, command: Command): { path: string; stdin?: Buffer };
  /** Made unreadable to the command's user. */
  unreadable?: boolean;
}

const INPUTS: Record<string, Input> = {
  empty: { name: 'an empty file', make: (dir) => file(dir, 'empty.json', '') },
  gzipOfText: {
    name: 'gzip of plain text named .json.gz',
    make: (dir) => file(dir, 'text.json.gz', gzipSync('plain text, not JSON')),
  },
  unreadable: {
    name: 'a file its user may not read',
    make: (dir, command) => {
      const made = file(
        dir,
        'secret.json',
        command === 'audit' ? report('111122223333') : logFile(record(1)),
      );
      chmodSync(made.path, 0o000);
      return made;
    },
    unreadable: true,
  },
  missing: { name: 'a missing file', make: (dir) => ({ path: join(dir, 'missing.json') }) },
  fifo: {
    name: 'a FIFO named fifo.json',
    make: (dir) => {
      execFileSync('mkfifo', [join(dir, 'fifo.json')]);
      return { path: join(dir, 'fifo.json') };
    },
  },
  devZero: {
    name: 'a symbolic link to /dev/zero named x.json',
    make: (dir) => {
      symlinkSync('/dev/zero', join(dir, 'x.json'));
      return { path: join(dir, 'x.json') };
    },
  },
  truncatedGzip: {
    name: 'a truncated .json.gz',
    make: (dir, command) => file(dir, 'cut.json.gz', truncatedGzip(command)),
  },
  bom: {
    name: 'JSON behind a UTF-8 BOM',
    make: (dir, command) =>
      file(dir, 'bom.json', `\uFEFF${command === 'audit' ? report('111122223333') : logFile(record(1))}`),
  },
  concatenated: {
    name: 'two pretty-printed documents, one after the other (stdin; scan reads a file)',
    make: (dir, command) => {
      const text =
        command === 'audit'
          ? `${report('111122223333')}\n${report('444455556666')}\n`
          : `${JSON.stringify(record(1), null, 2)}\n${JSON.stringify({ Records: [record(2)] }, null, 2)}\n`;
      return command === 'scan' ? file(dir, 'two.json', text) : { path: '-', stdin: Buffer.from(text) };
    },
  },
};

const file = (dir: string, name: string, content: string | Buffer) => {
  writeFileSync(join(dir, name), content);
  return { path: join(dir, name) };
};

/** The results a command printed: findings (classify, scan), recorded findings (replay), posture results (audit). */
const resultsOf = (command: Command, out: readonly string[], records: string) =>
  command === 'replay'
    ? readFileSync(records, 'utf8')
        .split('\n')
        .filter((line) => line.includes('"kind":"finding"')).length
    : out.filter((line) => line.startsWith('{')).length;

/** Runs a command on one path: as another user for the unreadable file when the tests run as root. */
const runCommand = async (command: Command, input: Input) => {
  const dir = mkdtempSync(join(tmpdir(), 'rootwatch-unreadable-'));
  const outputs = mkdtempSync(join(tmpdir(), 'rootwatch-unreadable-out-'));
  const records = join(outputs, 'records.jsonl');
  writeFileSync(records, '');
  const { path, stdin } = input.make(dir, command);
  const argv = {
    classify: ['classify', '--json', path],
    replay: ['replay', '--json', '--records', records, path],
    scan: ['scan', '--json', '--summary', join(outputs, 'summary.json'), path],
    audit: ['audit', '--json', '--as-of', '2025-06-01', path],
  }[command];
  const asNobody = Boolean(input.unreadable && RUNS_AS_ROOT);
  if (asNobody) {
    chmodSync(dir, 0o755);
    chmodSync(outputs, 0o777);
    chmodSync(records, 0o666);
  }
  const run = await runCli(argv, { ...(stdin && { stdin }), ...(asNobody && { uid: NOBODY }) });
  return { ...run, path, results: resultsOf(command, run.out, records) };
};

/** The lines that report an input (not the summary a command prints on stderr with --json). */
const problemLines = (err: readonly string[]) =>
  err.filter((line) => /^(unreadable input|invalid input|rootwatch \w+): /.test(line));

const PERMISSION = 'permission denied (check its permissions, or run as a user who may read it)';
const NOT_REGULAR = (what: string) =>
  `${what}, not a regular file: skipped (rootwatch reads regular files only)`;
const CUT = 'gzip: unexpected end of file after \\d+ bytes of text \\(truncated\\?\\)';

interface Row {
  input: keyof typeof INPUTS;
  command: Command;
  code: number;
  /** The one line naming the input (`F` stands for its path), or none. */
  message: string | RegExp | undefined;
  /** Results read despite the problem (records before a cut). */
  results: number;
}

/** Rows that say the same for classify, replay and scan, and what audit (credential reports) says. */
const forAll = (
  input: keyof typeof INPUTS,
  logs: Omit<Row, 'input' | 'command'>,
  audit: Omit<Row, 'input' | 'command'> = logs,
): Row[] => COMMANDS.map((command) => ({ input, command, ...(command === 'audit' ? audit : logs) }));

/** Posture results of one audited account: one per root check. */
const CHECKS = POSTURE_CHECKS.length;

const ROWS: Row[] = [
  ...forAll('empty', { code: 2, message: 'unreadable input: F: empty file: nothing to read', results: 0 }),
  ...forAll(
    'gzipOfText',
    {
      code: 2,
      message: 'unreadable input: F: not JSON records: it starts with "plain text, not JSON"',
      results: 0,
    },
    // audit reads text that is not JSON as CSV, and says why it is no credential report.
    { code: 2, message: /^invalid input: F: line 1: not a credential report: /, results: 0 },
  ),
  ...forAll('unreadable', { code: 2, message: `unreadable input: F: ${PERMISSION}`, results: 0 }),
  ...COMMANDS.map((command) => ({
    input: 'missing' as const,
    command,
    code: 2,
    message: `rootwatch ${command}: no such file or directory: F`,
    results: 0,
  })),
  ...forAll('fifo', {
    code: 2,
    message: `unreadable input: F: ${NOT_REGULAR('a FIFO (named pipe)')}`,
    results: 0,
  }),
  ...forAll('devZero', {
    code: 2,
    message: `unreadable input: F: ${NOT_REGULAR('a character device')}`,
    results: 0,
  }),
  ...forAll(
    'truncatedGzip',
    {
      code: 2,
      message: new RegExp(
        `^unreadable input: F: record 2: ${CUT}, inside this record; the records before it were read$`,
      ),
      results: 2,
    },
    // A credential report cut short is not audited: it would audit fewer accounts than it names.
    { code: 2, message: new RegExp(`^unreadable input: F: ${CUT}$`), results: 0 },
  ),
  ...forAll(
    'bom',
    { code: 0, message: undefined, results: 1 },
    { code: 0, message: undefined, results: CHECKS },
  ),
  ...forAll(
    'concatenated',
    { code: 0, message: undefined, results: 2 },
    { code: 0, message: undefined, results: 2 * CHECKS },
  ),
];

describe('CLI: what every command says of inputs it cannot read', () => {
  it.each(ROWS)('$command, $input: exit $code', async ({ input, command, code, message, results }) => {
    // Prepare
    const given = INPUTS[input]!;

    // Act
    const run = await runCommand(command, given);

    // Assess
    const problems = problemLines(run.err).map((line) => line.replaceAll(run.path, 'F'));
    // A scan whose one object gave no record ends by saying so (fail-closed): not an all-clear.
    const nothingRead = command === 'scan' && results === 0 && input !== 'missing';
    expect({ code: run.code, results: run.results, problems: problems.length }).toStrictEqual({
      code,
      results,
      problems: message === undefined ? 0 : nothingRead ? 2 : 1,
    });
    if (message === undefined) return;
    if (nothingRead)
      expect(problems[1]).toMatch(/^rootwatch scan: no CloudTrail record read from the one object under F /);
    const line = problems[0]!;
    if (typeof message === 'string') expect(line).toBe(message);
    else expect(line).toMatch(message);
  });
});
