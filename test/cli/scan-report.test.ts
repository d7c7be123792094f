import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import { rootRecord, scratchDir, writeLogFile } from '../helpers/archive.ts';
import { FETCHING_MARKUP, haveChromium, openReport, reportInChromium } from '../helpers/browser.ts';
import { sampleRecord } from '../helpers/records.ts';

/**
 * A fleet of four accounts: 111… signs in without MFA, then uses its root key two weeks later (a
 * repeat offender); 222… signs in with MFA; 444… works in a console session; 333… has no root use.
 */
const fleetArchive = (): string => {
  const dir = scratchDir('fleet');
  const put = (account: string, day: string, records: unknown[]) =>
    writeLogFile(
      join(
        dir,
        'AWSLogs',
        account,
        'CloudTrail',
        'us-east-1',
        ...day.split('-'),
        `${account}_${day}.json.gz`,
      ),
      records,
    );
  const root = (sample: string, account: string, eventTime: string) =>
    rootRecord(sample, { eventID: `${account}-${eventTime}`, eventTime, account, region: 'us-east-1' });
  put('111111111111', '2026-01-05', [
    root('sign-in/root-console-login-without-mfa.json', '111111111111', '2026-01-05T09:00:00Z'),
  ]);
  put('111111111111', '2026-01-20', [
    root('access-key/root-access-key-put-bucket-policy.json', '111111111111', '2026-01-20T09:00:00Z'),
  ]);
  put('222222222222', '2026-01-06', [
    root('sign-in/root-console-login-with-mfa-current-format.json', '222222222222', '2026-01-06T09:00:00Z'),
  ]);
  put('333333333333', '2026-01-06', [sampleRecord('negatives/iam-user-put-bucket-policy.json')]);
  put('444444444444', '2026-01-13', [
    root('console-session/root-console-session-create-user.json', '444444444444', '2026-01-13T09:00:00Z'),
  ]);
  return dir;
};

const suite = reportInChromium(async () => {
  const file = join(scratchDir('report'), 'root-activity.html');
  const code = await main(['scan', '--json', '--report', file, fleetArchive()], {
    out: () => {},
    err: () => {},
  });
  if (code !== 0) throw new Error(`scan exited ${code}`);
  return file;
});

describe.skipIf(!haveChromium)('Report: rootwatch scan --report, in headless Chromium', () => {
  it('renders every chart, with marks, without console errors or network requests', async () => {
    // Act
    const { page, problems, requests, charts, figures, screenshot } = await openReport(
      suite.browser,
      suite.file,
    );

    // Assess
    expect(problems).toStrictEqual([]);
    expect(requests).toStrictEqual([pathToFileURL(suite.file).href]);
    expect(charts.map(({ label, drawn }) => ({ label, drawn }))).toStrictEqual([
      { label: 'Root uses per week', drawn: true },
      { label: 'Root uses per account, by credential', drawn: true },
      { label: 'Root uses by credential', drawn: true },
      { label: 'Share of root console sign-ins without MFA', drawn: true },
    ]);
    expect(charts.every((chart) => chart.marks > 0)).toBe(true);
    expect(figures).toStrictEqual(['75%', '1', '25%', '50%']);
    expect(screenshot.length).toBeGreaterThan(20_000);
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
