import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../cli/commands/audit.ts';
import { AUDIT_DEFAULTS } from '../../posture/audit-root.ts';
import { PostureResultSchema } from '../../schemas/posture-result.ts';
import {
  FIXTURES_DIR,
  fixturePath,
  getCredentialReportJson,
  reportCsv,
} from '../helpers/credential-reports.ts';
import { runCli } from '../helpers/run-cli.ts';

const run = (...argv: string[]) => runCli(argv);
const scratch = () => mkdtempSync(join(tmpdir(), 'rootwatch-audit-'));
const AS_OF = ['--as-of', '2025-06-01T12:00:00Z'];

const FLEET_TEXT = [
  '',
  'Fleet: 3 accounts audited',
  '  with root access keys              1 of 3 (33%)',
  '  with root keys older than 90 days  1 of 3 (33%)',
  '  without root MFA                   1 of 3 (33%)',
  '  with root use in the last 1 day    1 of 2 (50%); 1 skipped',
  '  as of: given for 3',
].join('\n');

describe('CLI: rootwatch audit', () => {
  it('prints one JSON result per account and check with --json, and the fleet figures on stderr', async () => {
    // Act
    const { code, out, err } = await run('audit', '--json', ...AS_OF, FIXTURES_DIR);

    // Assess
    const results = out.map((line) => PostureResultSchema.parse(JSON.parse(line)));
    expect(code).toBe(1);
    expect(results.map(({ account, check, status }) => `${account} ${check} ${status}`)).toStrictEqual([
      '111122223333 root-access-keys pass',
      '111122223333 root-key-rotation pass',
      '111122223333 root-mfa pass',
      '111122223333 root-hardware-mfa unknown',
      '111122223333 root-recent-use pass',
      '444455556666 root-access-keys fail',
      '444455556666 root-key-rotation fail',
      '444455556666 root-mfa fail',
      '444455556666 root-hardware-mfa fail',
      '444455556666 root-recent-use fail',
      '777788889999 root-access-keys pass',
      '777788889999 root-key-rotation pass',
      '777788889999 root-mfa pass',
      '777788889999 root-hardware-mfa unknown',
      '777788889999 root-recent-use skipped',
    ]);
    expect(err).toStrictEqual([FLEET_TEXT]);
  });

  it('prints a table by default, then the fleet figures', async () => {
    // Act
    const { out, err } = await run('audit', ...AS_OF, FIXTURES_DIR);

    // Assess
    expect(err).toStrictEqual([]);
    expect(out[0]).toBe('ACCOUNT       CHECK              STATUS   CIS        DETAIL');
    expect(out[6]).toBe('444455556666  root-access-keys   FAIL     1.4        root access key 1 is active');
    expect(out[15]).toBe(
      '777788889999  root-recent-use    SKIPPED  1.7        root user created 2025-05-20T14:22:05Z, 11 days before, ' +
        'as of 2025-06-01T12:00:00Z (given): younger than 30 days',
    );
    expect(out.slice(16)).toStrictEqual([FLEET_TEXT]);
  });

  it('judges the JSON form as of its GeneratedTime by default, and says so', async () => {
    // Act
    const { out } = await run('audit', '--json', fixturePath('444455556666-get-credential-report.json'));

    // Assess
    expect(JSON.parse(out[4]!).detail).toBe(
      "root access key 1 used 2025-06-01T09:15:02Z, 2 hours before: within 1 day as of 2025-06-01T12:00:00Z (the report's GeneratedTime)",
    );
  });

  it('judges a CSV as of now by default, and says so', async () => {
    // Prepare
    const out: string[] = [];
    const now = Date.UTC(2025, 5, 2, 8, 30);

    // Act
    await runAudit(
      { paths: [fixturePath('777788889999-new-account.csv')], json: true, now, settings: AUDIT_DEFAULTS },
      { out: (line) => out.push(line), err: () => undefined },
    );

    // Assess
    expect(JSON.parse(out[4]!).detail).toBe(
      'root user created 2025-05-20T14:22:05Z, 12 days before, as of 2025-06-02T08:30:00Z (now): younger than 30 days',
    );
  });

  it('exits 0 when no check fails, and prints no fleet figures for one account', async () => {
    // Act
    const { code, out } = await run('audit', ...AS_OF, fixturePath('111122223333-mfa-no-keys.csv'));

    // Assess
    expect(code).toBe(0);
    expect(out).toHaveLength(6);
  });

  it('reports each invalid file with its line and goes on with the rest (exit 2 wins over 1)', async () => {
    // Prepare
    const dir = scratch();
    writeFileSync(join(dir, 'a-bad.csv'), reportCsv({ mfa_active: 'yes' }));
    writeFileSync(
      join(dir, 'b-bad.json'),
      getCredentialReportJson(reportCsv({ access_key_2_active: 'maybe' })),
    );
    writeFileSync(join(dir, 'c-not-base64.json'), JSON.stringify({ Content: 'not base64!' }));
    writeFileSync(join(dir, 'd-broken.json'), '{"Content": ');
    writeFileSync(
      join(dir, 'e-good.csv.gz'),
      gzipSync(
        reportCsv({ access_key_1_active: 'true', access_key_1_last_rotated: '2025-05-01T00:00:00+00:00' }),
      ),
    );
    writeFileSync(join(dir, 'notes.txt'), 'not a report, not read');

    // Act
    const { code, out, err } = await run('audit', '--json', ...AS_OF, dir);

    // Assess
    expect(code).toBe(2);
    expect(out.map((line) => JSON.parse(line).status)).toStrictEqual([
      'fail',
      'pass',
      'pass',
      'unknown',
      'pass',
    ]);
    expect(err).toStrictEqual([
      `invalid input: ${join(dir, 'a-bad.csv')}: line 2: mfa_active: "yes": Invalid option: expected one of "true"|"false"|"TRUE"|"FALSE"`,
      `invalid input: ${join(dir, 'b-bad.json')}: Content line 2: access_key_2_active: "maybe": Invalid option: expected one of "true"|"false"|"TRUE"|"FALSE"`,
      `invalid input: ${join(dir, 'c-not-base64.json')}: Content: expected base64 (the CSV, encoded) (invalid_format)`,
      `unreadable input: ${join(dir, 'd-broken.json')}: invalid JSON: Unexpected end of JSON input`,
    ]);
  });

  it('audits a fixture-style root ARN with a warning, and names an account audited twice', async () => {
    // Prepare
    const dir = scratch();
    const csv = reportCsv({ arn: 'arn:aws:iam::111122223333:<root_account>' });
    writeFileSync(join(dir, 'one.csv'), csv);
    writeFileSync(join(dir, 'two.csv'), csv);

    // Act
    const { code, err } = await run('audit', '--json', ...AS_OF, dir);

    // Assess
    expect(code).toBe(0);
    expect(err).toStrictEqual([
      `warning: ${join(dir, 'one.csv')}: line 2: arn: "arn:aws:iam::111122223333:<root_account>" is not a root user ARN (…:111122223333:root); auditing account 111122223333`,
      `warning: ${join(dir, 'two.csv')}: line 2: arn: "arn:aws:iam::111122223333:<root_account>" is not a root user ARN (…:111122223333:root); auditing account 111122223333`,
      'warning: account 111122223333 was audited more than once; the fleet figures count its latest report',
    ]);
  });

  it('takes the window, the minimum age and the CIS versions from the command line', async () => {
    // Prepare
    const dir = scratch();
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ cisVersions: ['7.0.0'] }));

    // Act
    const { out } = await run(
      'audit',
      '--json',
      '--as-of',
      '2025-06-05',
      '--window-days',
      '7',
      '--min-account-age-days',
      '0',
      '--config',
      join(dir, 'config.json'),
      fixturePath('777788889999-new-account.csv'),
    );

    // Assess
    const recent = JSON.parse(out[4]!);
    expect([recent.status, recent.detail, recent.controls[0].id]).toStrictEqual([
      'fail',
      'root password used 2025-05-31T22:10:43Z, 4 days before: within 7 days as of 2025-06-05T00:00:00Z (given)',
      '2.7',
    ]);
  });

  it('writes the HTML report with --report and prints the same table and fleet figures as without', async () => {
    // Prepare
    const report = join(scratch(), 'posture.html');
    const without = await run('audit', ...AS_OF, FIXTURES_DIR);

    // Act
    const { code, out, err } = await run('audit', ...AS_OF, '--report', report, FIXTURES_DIR);

    // Assess
    expect({ code, out, err }).toStrictEqual(without);
    expect(readFileSync(report, 'utf8')).toMatch(
      /^<!doctype html>[\s\S]*<h1>Root posture in IAM credential reports<\/h1>/,
    );
  });

  it('says which report file it cannot write, after the normal output, and exits 2', async () => {
    // Prepare
    const report = join(scratch(), 'no-such-folder', 'posture.html');

    // Act
    const { code, out, err } = await run('audit', ...AS_OF, '--report', report, FIXTURES_DIR);

    // Assess
    expect(code).toBe(2);
    expect(out.slice(16)).toStrictEqual([FLEET_TEXT]);
    expect(err).toStrictEqual([
      `rootwatch audit: cannot write the report to ${report}: ENOENT: no such file or directory`,
    ]);
  });

  it('reports a missing path and goes on', async () => {
    // Act
    const { code, out, err } = await run(
      'audit',
      '--json',
      ...AS_OF,
      '/nonexistent',
      fixturePath('111122223333-mfa-no-keys.csv'),
    );

    // Assess
    expect(code).toBe(2);
    expect(out).toHaveLength(5);
    expect(err[0]).toContain('unreadable input: /nonexistent: ENOENT');
  });

  it.each([
    { argv: ['audit'], message: 'audit needs at least one credential report or directory' },
    { argv: ['audit', '--as-of', 'yesterday', 'x'], message: '--as-of takes an ISO 8601 date or time' },
    {
      argv: ['audit', '--window-days', '1.5', 'x'],
      message: '--window-days takes a whole number of days from 1, not "1.5"',
    },
    {
      argv: ['audit', '--window-days', '0', 'x'],
      message: '--window-days takes a whole number of days from 1, not "0"',
    },
    {
      argv: ['audit', '--min-account-age-days=-3', 'x'],
      message: '--min-account-age-days takes a whole number of days, not "-3"',
    },
  ])('rejects $argv with exit 2', async ({ argv, message }) => {
    // Act
    const { code, err } = await run(...argv);

    // Assess
    expect(code).toBe(2);
    expect(err.join('\n')).toContain(message);
  });
});
