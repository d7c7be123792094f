import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FindingSchema } from '../../schemas/finding.ts';
import { EVENTS_DIR, REPO_ROOT } from '../helpers/paths.ts';
import { sampleJson } from '../helpers/records.ts';
import { runCli } from '../helpers/run-cli.ts';

const run = (...argv: string[]) => runCli(argv);
const sample = (file: string) => join(EVENTS_DIR, file);
const scratch = () => mkdtempSync(join(tmpdir(), 'rootwatch-classify-'));

describe('CLI: rootwatch classify', () => {
  it('prints one JSON finding per root event with --json, valid against the contract', async () => {
    // Act
    const { code, out, err } = await run(
      'classify',
      '--json',
      sample('log-files/mixed-root-and-non-root.log.json'),
    );

    // Assess
    expect({ code, err }).toStrictEqual({ code: 0, err: [] });
    expect(out.map((line) => FindingSchema.parse(JSON.parse(line)).eventName)).toStrictEqual([
      'ConsoleLogin',
      'ListUsers',
    ]);
  });

  it('prints a table by default, with a header', async () => {
    // Act
    const { code, out } = await run('classify', sample('sign-in/root-console-login-without-mfa.json'));

    // Assess
    expect(code).toBe(0);
    expect(out[0]).toMatch(/^SEVERITY\s+TIME\s+ACCOUNT/);
    expect(out[1]).toMatch(
      /^CRITICAL\s+2022-11-10T16:24:34Z\s+111122223333\s+us-east-1\s+password\s+sign-in\s+success\s+no\s+signin:ConsoleLogin\s+192\.0\.2\.0$/,
    );
  });

  it.each([
    { failOn: 'critical', file: 'sign-in/root-console-login-without-mfa.json', code: 1 },
    { failOn: 'critical', file: 'sign-in/root-console-login-failed.json', code: 0 },
    { failOn: 'medium', file: 'sign-in/root-console-login-failed.json', code: 1 },
    { failOn: 'info', file: 'negatives/iam-user-put-bucket-policy.json', code: 0 },
  ])('exits $code with --fail-on $failOn for $file', async ({ failOn, file, code }) => {
    expect((await run('classify', '--json', '--fail-on', failOn, sample(file))).code).toBe(code);
  });

  it('reports an invalid record with file, record index and field path, and still classifies the others (exit 2 wins over 1)', async () => {
    // Prepare
    const dir = scratch();
    const good = sampleJson('sign-in/root-console-login-without-mfa.json');
    const bad = { ...good, eventID: 'bad-1', eventTime: 'yesterday' };
    writeFileSync(join(dir, 'trail.json'), JSON.stringify({ Records: [bad, good] }));

    // Act
    const { code, out, err } = await run(
      'classify',
      '--json',
      '--fail-on',
      'critical',
      join(dir, 'trail.json'),
    );

    // Assess
    expect(code).toBe(2);
    expect(out).toHaveLength(1);
    expect(err).toStrictEqual([
      `invalid input: ${join(dir, 'trail.json')}: record 0: eventTime: Invalid ISO datetime (invalid_format)`,
    ]);
  });

  it('reads gzip, JSON Lines (naming the bad line) and envelopes in one run', async () => {
    // Prepare
    const dir = scratch();
    const envelope = sampleJson('sign-in/root-console-login-eventbridge-global-region.json');
    const record = sampleJson('access-key/root-access-key-put-bucket-policy.json');
    writeFileSync(
      join(dir, 'export.jsonl'),
      `${JSON.stringify(record)}\n{not json\n${JSON.stringify(envelope)}\n`,
    );
    writeFileSync(join(dir, 'record.bin'), gzipSync(JSON.stringify(record)));

    // Act
    const { code, out, err } = await run(
      'classify',
      '--json',
      join(dir, 'export.jsonl'),
      join(dir, 'record.bin'),
    );

    // Assess
    expect(code).toBe(2);
    expect(out.map((line) => JSON.parse(line).eventName)).toStrictEqual([
      'PutBucketPolicy',
      'ConsoleLogin',
      'PutBucketPolicy',
    ]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(
      new RegExp(`^unreadable input: ${join(dir, 'export.jsonl')}: line 2: invalid JSON`),
    );
  });

  it("prints OCSF for a record nested 4,000 deep and keeps the later files' findings", async () => {
    // Prepare
    const dir = scratch();
    const record = sampleJson('sign-in/root-console-login-without-mfa.json');
    let deep: Record<string, unknown> = { tokenCode: '654321' };
    for (let level = 0; level < 4_000; level += 1) deep = { a: deep };
    writeFileSync(join(dir, 'a-deep.json'), JSON.stringify({ ...record, additionalEventData: deep }));
    writeFileSync(
      join(dir, 'b-later.json'),
      JSON.stringify(sampleJson('sign-in/root-console-login-failed.json')),
    );

    // Act
    const { code, out, err } = await run('classify', '--format', 'ocsf', dir);

    // Assess
    expect({ code, err }).toStrictEqual({ code: 0, err: [] });
    const findings = out.map(
      (line) => JSON.parse(line) as { api: { operation: string }; evidences: [{ data: unknown }] },
    );
    expect(findings).toHaveLength(2);
    expect(findings[0]!.evidences[0].data).toMatchObject({ truncated: true });
    expect(out.join('\n')).not.toContain('654321');
  });

  it.each([
    { format: 'table', args: [] },
    { format: 'text', args: ['--format', 'text'] },
  ])('escapes control characters of record fields in the $format output', async ({ args }) => {
    // Prepare
    const dir = scratch();
    const record = sampleJson('sign-in/root-console-login-without-mfa.json');
    record.userAgent = 'Mozilla\u001b]0;owned\u0007\u001b[2J\rspoofed\u009b31m';
    record.sourceIPAddress = 'svc\u001b[2K\rfake.amazonaws.com';
    writeFileSync(join(dir, 'hostile.json'), JSON.stringify(record));

    // Act
    const { code, out } = await run('classify', ...args, join(dir, 'hostile.json'));

    // Assess
    expect(code).toBe(0);
    const text = out.join('\n');
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    expect(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/u.test(text)).toBe(false);
    expect(text).toContain('\\u001b');
  });

  it('keeps JSON output the same JSON when a record field carries control characters', async () => {
    // Prepare
    const dir = scratch();
    const record = sampleJson('sign-in/root-console-login-without-mfa.json');
    record.userAgent = 'ua\u009b2J\u202e\u001b[0m';
    writeFileSync(join(dir, 'hostile.json'), JSON.stringify(record));

    // Act
    const { out } = await run('classify', '--json', join(dir, 'hostile.json'));

    // Assess
    expect(/[\u007f-\u009f\u202e]/u.test(out[0]!)).toBe(false);
    expect(FindingSchema.parse(JSON.parse(out[0]!)).userAgent).toBe(record.userAgent);
  });

  it('reports a missing file and goes on with the rest', async () => {
    // Act
    const { code, out, err } = await run(
      'classify',
      '--json',
      '/nonexistent/trail.json',
      sample('sign-in/root-console-login-failed.json'),
    );

    // Assess
    expect(code).toBe(2);
    expect(out).toHaveLength(1);
    expect(err).toStrictEqual(['rootwatch classify: no such file or directory: /nonexistent/trail.json']);
  });

  it('ends with a summary on request (on stderr with --json)', async () => {
    // Act
    const { out, err } = await run('classify', '--json', '--summary', sample('log-files'));

    // Assess
    expect(out).toHaveLength(6);
    expect(err.join('\n')).toContain('Summary: 6 findings\n  by severity:   critical 4, high 2');
  });

  it.each([
    { argv: ['classify'], message: 'classify needs at least one FILE' },
    {
      argv: ['classify', '--fail-on', 'urgent', 'x'],
      message: '--fail-on takes one of critical, high, medium, low, info',
    },
    { argv: ['classify', '--bogus', 'x'], message: 'unknown option --bogus; see rootwatch classify --help' },
    { argv: ['frobnicate'], message: 'unknown command "frobnicate"' },
    { argv: [], message: 'Usage:' },
  ])('rejects $argv with exit 2, on stderr', async ({ argv, message }) => {
    // Act
    const { code, out, err } = await run(...argv);

    // Assess
    expect(code).toBe(2);
    expect(err.join('\n')).toContain(message);
    expect(out).toStrictEqual([]);
  });

  it('names a config file it cannot read in plain words, without Node error codes', async () => {
    // Act
    const { code, err } = await run(
      'classify',
      '--config',
      '/nonexistent/config.json',
      sample('sign-in/root-console-login-failed.json'),
    );

    // Assess
    expect({ code, err }).toStrictEqual({
      code: 2,
      err: ['rootwatch classify: cannot read config /nonexistent/config.json: no such file or directory'],
    });
  });

  it('applies a config file and names every bad field of a bad one', async () => {
    // Prepare
    const dir = scratch();
    writeFileSync(
      join(dir, 'good.json'),
      JSON.stringify({
        cisVersions: ['5.0.0'],
        severityOverrides: [
          { id: 'lab', severity: 'low', reason: 'SEC-9', match: { accounts: ['111122223333'] } },
        ],
      }),
    );
    writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify({
        cisVersion: ['5.0.0'],
        severityOverrides: [{ id: 'Lab', severity: 'low', match: {} }],
      }),
    );

    // Act
    const good = await run(
      'classify',
      '--json',
      '--config',
      join(dir, 'good.json'),
      sample('sign-in/root-console-login-without-mfa.json'),
    );
    const bad = await run(
      'classify',
      '--json',
      '--config',
      join(dir, 'bad.json'),
      sample('sign-in/root-console-login-without-mfa.json'),
    );

    // Assess
    expect(JSON.parse(good.out[0]!)).toMatchObject({
      severity: 'low',
      severityRule: 'override:lab',
      controls: [
        { version: '5.0.0', id: '1.6' },
        { version: '5.0.0', id: '1.4' },
      ],
    });
    expect(bad.code).toBe(2);
    expect(bad.err.join('\n')).toMatch(
      /invalid config .*bad\.json[\s\S]*cisVersion[\s\S]*severityOverrides\[0\]\.id[\s\S]*severityOverrides\[0\]\.reason/,
    );
  });

  it('runs as `rootwatch` from the package bin, reading stdin, with no build step', async () => {
    // Prepare
    const child = promisify(execFile)(
      process.execPath,
      [join(REPO_ROOT, 'dist/cli/rootwatch.mjs'), 'classify', '--json', '-'],
      { cwd: REPO_ROOT },
    );
    child.child.stdin?.end(JSON.stringify(sampleJson('sign-in/root-console-login-eventbridge-2016.json')));

    // Act
    const { stdout } = await child;

    // Assess
    expect(JSON.parse(stdout)).toMatchObject({
      account: '123456789012',
      severity: 'critical',
      credential: 'password',
    });
  });

  it('keeps its exit code when the reader of its output goes away (`| head -1`)', async () => {
    // Prepare: the full run's exit code (the invalid samples of events/ make it 2).
    const run = (closeEarly: boolean) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(
          process.execPath,
          [join(REPO_ROOT, 'dist/cli/rootwatch.mjs'), 'classify', 'events/'],
          {
            cwd: REPO_ROOT,
          },
        );
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.stdout.once('data', () => {
          if (closeEarly) child.stdout.destroy();
        });
        child.on('close', (code) => resolve({ code, stderr }));
      });
    const full = await run(false);

    // Act
    const cut = await run(true);

    // Assess
    expect(full.code).toBe(2);
    expect(cut.code).toBe(full.code);
    expect(cut.stderr).not.toMatch(/EPIPE|at .*\.ts:\d+/);
  });

  it.each([
    {
      scenario: 'a rule that names why the finding is critical suppresses it, and --fail-on lets it pass',
      critical: ['sign-in-without-mfa'],
      suppressed: 'break-glass-1',
      code: 0,
    },
    {
      scenario: 'a rule that does not name it leaves the critical finding, which fails the gate',
      critical: undefined,
      suppressed: undefined,
      code: 1,
    },
  ])('--suppressions: $scenario', async ({ critical, suppressed, code }) => {
    // Prepare
    const rules = join(scratch(), 'suppressions.json');
    writeFileSync(
      rules,
      JSON.stringify({
        version: 1,
        rules: [
          {
            id: 'break-glass-1',
            reason: 'CHG-1: break-glass test',
            expires: '2099-01-01T00:00:00Z',
            match: { accounts: ['111122223333'], sourceCidrs: ['192.0.2.0/24'] },
            ...(critical && { critical }),
          },
        ],
      }),
    );

    // Act
    const result = await run(
      'classify',
      '--json',
      '--fail-on',
      'critical',
      '--suppressions',
      rules,
      sample('sign-in/root-console-login-without-mfa.json'),
    );

    // Assess
    const finding = FindingSchema.parse(JSON.parse(result.out[0]!));
    expect(finding.severity).toBe('critical');
    expect(finding.suppression?.ruleId).toBe(suppressed);
    expect(result.code).toBe(code);
  });

  it('reports an expired suppression rule and no longer applies it', async () => {
    // Prepare
    const rules = join(scratch(), 'suppressions.json');
    writeFileSync(
      rules,
      JSON.stringify({
        version: 1,
        rules: [
          {
            id: 'old-1',
            reason: 'CHG-0: old',
            expires: '2020-01-01T00:00:00Z',
            match: { accounts: ['111122223333'] },
          },
        ],
      }),
    );

    // Act
    const result = await run(
      'classify',
      '--json',
      '--suppressions',
      rules,
      sample('sign-in/root-console-login-failed.json'),
    );

    // Assess
    expect(result.err.join('\n')).toContain('suppression rule old-1 expired on 2020-01-01T00:00:00Z');
    expect(FindingSchema.parse(JSON.parse(result.out[0]!)).suppression).toBeUndefined();
  });

  it.each([
    { clock: '2026-12-02T23:59:59Z', suppressed: 'chg-2', expired: false },
    { clock: '2026-12-03T00:00:00Z', suppressed: undefined, expired: true },
  ])('judges expiry by the command clock: at $clock the rule applies unless expired', async (row) => {
    // Prepare
    const rules = join(scratch(), 'suppressions.json');
    writeFileSync(
      rules,
      JSON.stringify({
        version: 1,
        rules: [
          {
            id: 'chg-2',
            reason: 'CHG-2',
            expires: '2026-12-03T00:00:00Z',
            match: { accounts: ['111122223333'] },
          },
        ],
      }),
    );

    // Act
    const result = await runCli(
      ['classify', '--json', '--suppressions', rules, sample('sign-in/root-console-login-failed.json')],
      { now: new Date(row.clock) },
    );

    // Assess
    expect(FindingSchema.parse(JSON.parse(result.out[0]!)).suppression?.ruleId).toBe(row.suppressed);
    expect(result.err.some((line) => line.startsWith('suppression rule chg-2 expired'))).toBe(row.expired);
  });
});
