import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PRODUCT } from '../../findings/formats/product.ts';
import { COMMAND_NAMES, flagsOf } from '../../cli/usage.ts';
import { REPO_ROOT } from '../helpers/paths.ts';
import { scratchDir } from '../helpers/archive.ts';
import { runCli } from '../helpers/run-cli.ts';

const PACKAGE = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };

describe('CLI: help, version and "did you mean"', () => {
  it('carries the version of package.json', () => {
    expect(PRODUCT.version).toBe(PACKAGE.version);
  });

  it.each(COMMAND_NAMES)('prints the usage of %s only, with --help and -h', async (command) => {
    // Act
    const long = await runCli([command, '--help']);
    const short = await runCli([command, '-h']);

    // Assess
    expect(long).toMatchObject({ code: 0, err: [] });
    expect(long.out[0]).toMatch(new RegExp(`^Usage: rootwatch ${command} `));
    const others = COMMAND_NAMES.filter((other) => other !== command);
    for (const other of others) expect(long.out.join('\n')).not.toContain(`Usage: rootwatch ${other}`);
    expect(short).toStrictEqual(long);
  });

  it.each([
    {
      argv: ['--help'],
      code: 0,
      stream: 'out',
      first: /^rootwatch \d+\.\d+\.\d+: detect AWS root-account activity/,
    },
    { argv: ['-h'], code: 0, stream: 'out', first: /^rootwatch \d+\.\d+\.\d+: detect/ },
    { argv: [], code: 2, stream: 'err', first: /^rootwatch \d+\.\d+\.\d+: detect/ },
    {
      argv: ['--version'],
      code: 0,
      stream: 'out',
      first: new RegExp(`^rootwatch ${PACKAGE.version.replaceAll('.', '\\.')}$`),
    },
  ])('rootwatch $argv: exit $code, $first on $stream', async ({ argv, code, stream, first }) => {
    // Act
    const result = await runCli(argv);

    // Assess
    expect(result.code).toBe(code);
    expect((stream === 'out' ? result.out : result.err)[0]).toMatch(first);
  });

  it.each([
    {
      argv: ['clasify', 'x.json'],
      line: 'rootwatch: unknown command "clasify" (did you mean classify?); see rootwatch --help',
    },
    {
      argv: ['scna', 'x'],
      line: 'rootwatch: unknown command "scna" (did you mean scan?); see rootwatch --help',
    },
    {
      argv: ['audti', 'x'],
      line: 'rootwatch: unknown command "audti" (did you mean audit?); see rootwatch --help',
    },
    {
      argv: ['--verison'],
      line: 'rootwatch: unknown option "--verison" (did you mean --version?); see rootwatch --help',
    },
    { argv: ['frobnicate'], line: 'rootwatch: unknown command "frobnicate"; see rootwatch --help' },
    {
      argv: ['classify', '--jsn', 'x'],
      line: 'rootwatch classify: unknown option --jsn (did you mean --json?); see rootwatch classify --help',
    },
    {
      argv: ['scan', '--jsn', 'x'],
      line: 'rootwatch scan: unknown option --jsn (did you mean --json?); see rootwatch scan --help',
    },
    {
      argv: ['scan', '--fail-one', 'high', 'x'],
      line: 'rootwatch scan: unknown option --fail-one (did you mean --fail-on?); see rootwatch scan --help',
    },
    {
      argv: ['replay', '--alert-min', 'high'],
      line: 'rootwatch replay: unknown option --alert-min (did you mean --alert-min-severity?); see rootwatch replay --help',
    },
    {
      argv: ['audit', '--window-day', '3', 'x'],
      line: 'rootwatch audit: unknown option --window-day (did you mean --window-days?); see rootwatch audit --help',
    },
    {
      argv: ['classify', '--zzzzzzzz', 'x'],
      line: 'rootwatch classify: unknown option --zzzzzzzz; see rootwatch classify --help',
    },
    { argv: ['scan', '--since'], line: 'rootwatch scan: --since needs a value; see rootwatch scan --help' },
    {
      argv: ['classify', '--json=yes', 'x'],
      line: 'rootwatch classify: --json takes no value; see rootwatch classify --help',
    },
    {
      argv: ['sql', '--engine', 'athena', 'extra'],
      line: 'rootwatch sql: sql takes no PATH or other argument, but was given "extra"; see rootwatch sql --help',
    },
    {
      argv: ['scan', '--since', 'soon', '--account', '12', 'x'],
      line: 'rootwatch scan: --since: expected YYYY-MM-DD or an ISO 8601 time, not "soon"; --account: expected a 12-digit account id; see rootwatch scan --help',
    },
    {
      argv: ['scan', '--fail-on', 'urgent', 'x'],
      line: 'rootwatch scan: --fail-on takes one of critical, high, medium, low, info, not "urgent"; see rootwatch scan --help',
    },
    {
      argv: ['replay', '--fail-on', 'urgent'],
      line: 'rootwatch replay: --fail-on takes one of critical, high, medium, low, info, not "urgent"; see rootwatch replay --help',
    },
  ])('$argv: exit 2, one line naming the input and the fix', async ({ argv, line }) => {
    // Act
    const { code, out, err } = await runCli(argv);

    // Assess
    expect({ code, out, err }).toStrictEqual({ code: 2, out: [], err: [line] });
  });

  it('names a config file that is not there, and the bad fields of one that is wrong, on one line', async () => {
    // Prepare
    const bad = join(scratchDir('usage'), 'bad.json');
    writeFileSync(bad, JSON.stringify({ cisVersion: ['5.0.0'], severityOverrides: 3 }));

    // Act
    const missing = await runCli(['classify', '--config', join(scratchDir('usage'), 'none.json'), 'x']);
    const wrong = await runCli(['classify', '--config', bad, 'x']);

    // Assess
    expect(missing.err).toStrictEqual([
      expect.stringMatching(
        /^rootwatch classify: cannot read config .*none\.json: no such file or directory$/,
      ),
    ]);
    expect(wrong.err).toHaveLength(1);
    expect(wrong.err[0]).toMatch(
      /^rootwatch classify: invalid config .*bad\.json: .*cisVersion.*severityOverrides/,
    );
  });

  it.each(COMMAND_NAMES)('%s accepts every flag its help names', async (command) => {
    // Prepare
    const dir = scratchDir('flags');

    // Act
    const unknown: string[] = [];
    for (const flag of flagsOf(command)) {
      const { err } = await runCli([command, flag, join(dir, 'value'), join(dir, 'missing')]);
      if (err.some((line) => line.includes('unknown option'))) unknown.push(flag);
    }

    // Assess
    expect(flagsOf(command).length).toBeGreaterThan(1);
    expect(unknown).toStrictEqual([]);
  });
});

describe('CLI: help, version and "did you mean" from the package bin', () => {
  it.each([
    { args: ['--version'], code: 0, stream: 'stdout', text: `rootwatch ${PACKAGE.version}\n` },
    { args: ['scan', '--help'], code: 0, stream: 'stdout', text: 'Usage: rootwatch scan ' },
    { args: ['clasify', 'x'], code: 2, stream: 'stderr', text: '(did you mean classify?)' },
    { args: ['classify', '--jsn', 'x'], code: 2, stream: 'stderr', text: '(did you mean --json?)' },
  ])('rootwatch $args exits $code', async ({ args, code, stream, text }) => {
    // Act
    const result = await promisify(execFile)(process.execPath, [
      join(REPO_ROOT, 'dist/cli/rootwatch.mjs'),
      ...args,
    ]).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

    // Assess
    expect(result.code).toBe(code);
    expect(result[stream as 'stdout' | 'stderr']).toContain(text);
  });
});
