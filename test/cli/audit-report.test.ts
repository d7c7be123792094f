import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import { POSTURE_CHECKS, POSTURE_STATUSES, PostureResultSchema } from '../../schemas/posture-result.ts';
import type { PostureResult } from '../../schemas/posture-result.ts';
import { AuditSummaryFileSchema } from '../../schemas/audit-summary.ts';
import type { AuditSummaryFile } from '../../schemas/audit-summary.ts';
import { scratchDir } from '../helpers/archive.ts';
import { FETCHING_MARKUP, haveChromium, openReport, reportInChromium } from '../helpers/browser.ts';
import { accountReportCsv, FIXTURES_DIR } from '../helpers/credential-reports.ts';

/** A file name and an ARN that would run script or fetch an image if the page did not escape them. */
const HOSTILE_FILE = '<img src=x onerror=alert(1)>.csv';
const HOSTILE_ARN = 'arn:aws:iam::999988887777:<script>alert(1)</script>';

/**
 * The three fixtures (README there: 444… has no MFA and key 1 active, 210 days old, used 2 hours
 * before; 111… MFA, no keys, last used 3 months before; 777… MFA, created 11 days before) and a
 * fourth account with a hostile ARN and file name: no MFA, key 2 active and rotated 10 days before,
 * password last used in March.
 */
const fleetDir = (): string => {
  const dir = scratchDir('audit-fleet');
  cpSync(FIXTURES_DIR, dir, { recursive: true });
  writeFileSync(
    join(dir, HOSTILE_FILE),
    accountReportCsv('999988887777', {
      arn: HOSTILE_ARN,
      mfa_active: 'false',
      password_last_used: '2025-03-01T10:00:00+00:00',
      access_key_2_active: 'true',
      access_key_2_last_rotated: '2025-05-22T12:00:00+00:00',
    }),
  );
  return dir;
};

/** The results the same run printed (--json), one per account and check, and its --summary. */
let results: PostureResult[];
let summary: AuditSummaryFile;

const suite = reportInChromium(async () => {
  const dir = scratchDir('audit-report');
  const file = join(dir, 'root-posture.html');
  const out: string[] = [];
  const code = await main(
    [
      'audit',
      '--json',
      '--as-of',
      '2025-06-01T12:00:00Z',
      '--summary',
      join(dir, 'summary.json'),
      '--report',
      file,
      fleetDir(),
    ],
    { out: (line) => out.push(line), err: () => {} },
  );
  if (code !== 1) throw new Error(`audit exited ${code}`);
  results = out.map((line) => PostureResultSchema.parse(JSON.parse(line)));
  summary = AuditSummaryFileSchema.parse(JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')));
  return file;
});

describe.skipIf(!haveChromium)('Report: rootwatch audit --report, in headless Chromium', () => {
  it('draws the checks chart and the fleet figures beside the study, without console errors or requests', async () => {
    // Act
    const { page, problems, requests, charts, figures, screenshot } = await openReport(
      suite.browser,
      suite.file,
    );
    const asides = await page.$$eval('.figure-card .aside', (nodes) => nodes.map((node) => node.textContent));
    const subtitle = await page.textContent('.subtitle');

    // Assess: keys in 444… and 999…, 2 of 4; over 90 days 444… only, 1 of 4 (and 1 of the 2 with a
    // key); no MFA in 444… and 999…, 2 of 4; used within a day 444… only, of 3 (777… is too young).
    expect(problems).toStrictEqual([]);
    expect(requests).toStrictEqual([pathToFileURL(suite.file).href]);
    expect(charts.map(({ label, drawn }) => ({ label, drawn }))).toStrictEqual([
      { label: 'Share of accounts with root use, per ISO week', drawn: true },
      { label: 'Active root access keys by age', drawn: true },
      { label: 'Accounts by status, per check', drawn: true },
    ]);
    expect(charts.every((chart) => chart.marks > 0)).toBe(true);
    expect(figures).toStrictEqual(['50%', '25%', '50%', '33%']);
    expect(asides.map((aside) => aside?.startsWith('Field study: '))).toStrictEqual([true, true, true, true]);
    expect(asides[1]).toContain('Here 50%: 1 of 2 accounts with an active root key of known age');
    expect(subtitle).toBe(
      '4 accounts audited from 4 credential reports, as of 2025-06-01T12:00:00Z (given with --as-of).',
    );
    expect(screenshot.length).toBeGreaterThan(20_000);
    await page.close();
  });

  it('counts each check’s statuses as the JSON results do', async () => {
    // Prepare: the counts from the results printed by the same run, one per account and check.
    const expected = POSTURE_CHECKS.map((check) => [
      check,
      ...POSTURE_STATUSES.map((status) =>
        String(results.filter((result) => result.check === check && result.status === status).length),
      ),
    ]);
    const { page } = await openReport(suite.browser, suite.file);

    // Act
    const counts = await page.$$eval('section:has(h2:text-is("Checks")) tbody tr', (rows) =>
      rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim())),
    );

    // Assess (the CIS column aside)
    expect(counts.map(([check, , ...statuses]) => [check, ...statuses])).toStrictEqual(expected);
    await page.close();
  });

  it('lists the accounts with failures first, with their evidence, and hostile text as text', async () => {
    // Prepare
    const { page } = await openReport(suite.browser, suite.file);

    // Act
    const accounts = await page.$$eval('section:has(h2:text-is("Accounts")) tbody tr', (rows) =>
      rows.map((row) => row.querySelector('td')?.textContent?.replace(/\s+/g, ' ').trim()),
    );
    const markup = await page.locator('script, img, [onerror]').count();

    // Assess: 444… fails 5 checks, 999… 3 (keys, MFA, hardware MFA); 111… and 777… none.
    expect(accounts.map((text) => text?.slice(0, 12))).toStrictEqual([
      '444455556666',
      '999988887777',
      '111122223333',
      '777788889999',
    ]);
    expect(accounts[0]).toContain(
      'MFA: no Active keys: key 1 rotated 2024-11-03T07:12:45Z (210 days before) Last used: key 1 2025-06-01T09:15:02Z (2 hours before)',
    );
    expect(accounts[1]).toContain(HOSTILE_ARN);
    expect(accounts[1]).toContain(HOSTILE_FILE);
    expect(markup).toBe(0);
    await page.close();
  });

  it('draws the weekly series and the key ages as the --summary of the same run counts them', async () => {
    // Prepare
    const { page } = await openReport(suite.browser, suite.file);
    const chart = (label: string) => page.locator(`svg[aria-label="${label}"]`);

    // Act
    const greyWeeks = await chart('Share of accounts with root use, per ISO week')
      .locator('g.no-data')
      .count();
    const weeks = await chart('Share of accounts with root use, per ISO week').locator('g.column').count();
    const keyBars = await chart('Active root access keys by age')
      .locator('g.column rect:not([height="0"])')
      .count();
    const credentials = await page.$$eval('section:has(h2:text-is("Accounts")) tbody tr', (rows) =>
      rows.map((row) => /Root credentials: (\w+)/.exec(row.textContent ?? '')?.[1]),
    );

    // Assess
    expect(summary.weekly.weeksWithoutData).toBeGreaterThan(0);
    expect([greyWeeks, weeks]).toStrictEqual([summary.weekly.weeksWithoutData, summary.weekly.weeks.length]);
    expect(keyBars).toBe(summary.keyAges.bins.filter((bin) => bin.keys > 0).length);
    expect(credentials).toStrictEqual(['held', 'held', 'held', 'held']);
    await page.close();
  });

  it('is one self-contained file: no script, no external URL', () => {
    // Act
    const html = readFileSync(suite.file, 'utf8');

    // Assess
    expect(html).not.toMatch(FETCHING_MARKUP);
    expect(html).toContain("default-src 'none'");
  });
});
