import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../cli/commands/audit.ts';
import { AUDIT_DEFAULTS } from '../../posture/audit-root.ts';
import { POSTURE_CHECKS, PostureResultSchema } from '../../schemas/posture-result.ts';
import { AuditSummaryFileSchema } from '../../schemas/audit-summary.ts';
import {
  FIXTURES_DIR,
  accountReportCsv,
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
  '  root keys: 1 active, 1 over 90 days',
  '  weekly: 14 weeks (2025-W09 to 2025-W22), 0 repeat offenders, 12 weeks without data',
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
      '111122223333 centralized-root-access unknown',
      '444455556666 root-access-keys fail',
      '444455556666 root-key-rotation fail',
      '444455556666 root-mfa fail',
      '444455556666 root-hardware-mfa fail',
      '444455556666 root-recent-use fail',
      '444455556666 centralized-root-access unknown',
      '777788889999 root-access-keys pass',
      '777788889999 root-key-rotation pass',
      '777788889999 root-mfa pass',
      '777788889999 root-hardware-mfa unknown',
      '777788889999 root-recent-use skipped',
      '777788889999 centralized-root-access unknown',
    ]);
    expect(err).toStrictEqual([FLEET_TEXT]);
  });

  it('prints a table by default, then the fleet figures', async () => {
    // Act
    const { out, err } = await run('audit', ...AS_OF, FIXTURES_DIR);

    // Assess
    expect(err).toStrictEqual([]);
    expect(out[0]).toBe('ACCOUNT       CHECK                    STATUS   CIS        DETAIL');
    expect(out[7]).toBe(
      '444455556666  root-access-keys         FAIL     1.4        root access key 1 is active',
    );
    expect(out[17]).toBe(
      '777788889999  root-recent-use          SKIPPED  1.7        root user created 2025-05-20T14:22:05Z, 11 days before, ' +
        'as of 2025-06-01T12:00:00Z (given): younger than 30 days',
    );
    expect(out.slice(19)).toStrictEqual([FLEET_TEXT]);
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
    expect(out).toHaveLength(1 + POSTURE_CHECKS.length);
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
      'unknown',
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
    expect(err.slice(0, 3)).toStrictEqual([
      `warning: ${join(dir, 'one.csv')}: line 2: arn: "arn:aws:iam::111122223333:<root_account>" is not a root user ARN (…:111122223333:root); auditing account 111122223333`,
      `warning: ${join(dir, 'two.csv')}: line 2: arn: "arn:aws:iam::111122223333:<root_account>" is not a root user ARN (…:111122223333:root); auditing account 111122223333`,
      'warning: account 111122223333 was audited more than once; the fleet figures count its latest report, the weekly series every report',
    ]);
    expect(err[3]).toMatch(/^\nFleet: 1 account audited from 2 reports\n/);
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

  it('decides "no root credentials" and centralized root access from --facts, as the scheduled audit does', async () => {
    // Prepare: a member whose root has nothing left, and the same report without the facts.
    const dir = scratch();
    const bare = { mfa_active: 'false', password_last_used: 'no_information' };
    writeFileSync(join(dir, 'member.csv'), accountReportCsv('444455556666', bare));
    const facts = join(dir, 'facts.json');
    writeFileSync(
      facts,
      JSON.stringify({
        organizationFeatures: {
          OrganizationId: 'o-a1b2c3d4e5',
          EnabledFeatures: ['RootCredentialsManagement', 'RootSessions'],
        },
        accounts: {
          '444455556666': { rootLoginProfile: 'absent', virtualMfaDevices: { VirtualMFADevices: [] } },
        },
      }),
    );
    const statuses = (out: string[]) =>
      out.map((line) => JSON.parse(line) as { check: string; status: string; detail: string });

    // Act
    const alone = await run('audit', '--json', ...AS_OF, join(dir, 'member.csv'));
    const withFacts = await run('audit', '--json', ...AS_OF, '--facts', facts, join(dir, 'member.csv'));

    // Assess: the report alone cannot tell a root without credentials from one whose password was never used.
    expect(alone.code).toBe(1);
    expect(statuses(alone.out).find((result) => result.check === 'root-mfa')?.status).toBe('fail');
    expect(withFacts.code).toBe(0);
    const decided = statuses(withFacts.out);
    expect(decided.map(({ check, status }) => `${check} ${status}`)).toStrictEqual([
      'root-access-keys pass',
      'root-key-rotation pass',
      'root-mfa pass',
      'root-hardware-mfa pass',
      'root-recent-use pass',
      'centralized-root-access pass',
    ]);
    expect(decided[2]!.detail).toMatch(/^no root credentials: root has no password/);
  });

  it.each([
    { name: 'not JSON', text: '{', message: /^rootwatch audit: cannot read --facts .*facts\.json: / },
    {
      name: 'a bad account id',
      text: JSON.stringify({ accounts: { '4444': { rootLoginProfile: 'absent' } } }),
      message:
        /^rootwatch audit: invalid --facts .*facts\.json: [^\n]*\(at accounts\.4444\); see rootwatch audit --help$/,
    },
    {
      name: 'a login profile that is not present or absent',
      text: JSON.stringify({ accounts: { '444455556666': { rootLoginProfile: 'yes' } } }),
      message:
        /^rootwatch audit: invalid --facts .*facts\.json: [^\n]*\(at accounts\.444455556666\.rootLoginProfile\); see rootwatch audit --help$/,
    },
  ])('rejects a --facts file with $name, naming the file, with exit 2', async ({ text, message }) => {
    // Prepare
    const facts = join(scratch(), 'facts.json');
    writeFileSync(facts, text);

    // Act
    const { code, err } = await run('audit', '--facts', facts, FIXTURES_DIR);

    // Assess
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(message);
  });

  it('writes the JSON summary with --summary: weekly series over reports of several dates, key ages', async () => {
    // Prepare: one account's reports four weeks running; root used in two of those weeks.
    const dir = scratch();
    const weekly = [
      ['2025-06-02T08:00:00Z', '2025-05-20T10:00:00+00:00'],
      ['2025-06-09T08:00:00Z', '2025-06-05T10:00:00+00:00'],
      ['2025-06-16T08:00:00Z', '2025-06-05T10:00:00+00:00'],
      ['2025-06-30T08:00:00Z', '2025-06-05T10:00:00+00:00'],
    ];
    for (const [generated, used] of weekly) {
      writeFileSync(
        join(dir, `444455556666-${generated!.slice(0, 10)}.json`),
        getCredentialReportJson(
          accountReportCsv('444455556666', {
            password_last_used: used!,
            access_key_1_active: 'true',
            access_key_1_last_rotated: '2024-06-01T00:00:00+00:00',
          }),
          generated,
        ),
      );
    }
    const summaryFile = join(dir, 'summary.json');

    // Act
    const { code } = await run('audit', '--json', '--summary', summaryFile, dir);

    // Assess
    const summary = AuditSummaryFileSchema.parse(JSON.parse(readFileSync(summaryFile, 'utf8')));
    expect(code).toBe(1);
    expect(
      summary.weekly.weeks.map((week) => `${week.week} ${week.accountsObserved} ${week.uses}`),
    ).toStrictEqual([
      '2025-W21 1 1',
      '2025-W22 0 0',
      '2025-W23 1 1',
      '2025-W24 1 0',
      '2025-W25 1 0',
      '2025-W26 0 0',
      '2025-W27 1 0',
    ]);
    expect(summary.weekly.weeksWithoutData).toBe(2);
    expect(summary.weekly.accounts).toStrictEqual([
      {
        account: '444455556666',
        weeksObserved: 5,
        weeksWithRootUse: ['2025-W21', '2025-W23'],
        repeatOffender: true,
      },
    ]);
    expect(summary.keyAges).toMatchObject({ keys: 1, over90Days: 1, unknown: 0 });
    expect(summary.keyAges.bins.find((bin) => bin.keys > 0)?.label).toBe('1–2 years');
    expect(summary.reportsAudited).toHaveLength(4);
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
    expect(out.slice(19)).toStrictEqual([FLEET_TEXT]);
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
    expect(out).toHaveLength(POSTURE_CHECKS.length);
    expect(err[0]).toBe('rootwatch audit: no such file or directory: /nonexistent');
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
