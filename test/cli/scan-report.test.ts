import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import { rootRecord, scratchDir, writeLogFile } from '../helpers/archive.ts';
import { FETCHING_MARKUP, haveChromium, openReport, reportInChromium } from '../helpers/browser.ts';
import type { ReportInChromium } from '../helpers/browser.ts';
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
      { label: 'Root findings by severity', drawn: true },
      { label: 'Share of accounts with root use, per ISO week', drawn: true },
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

/** A scan with nothing to chart: an archive of one account without root use, or an empty folder. */
const quietArchive = (): string => {
  const dir = scratchDir('quiet');
  writeLogFile(
    join(dir, 'AWSLogs', '333333333333', 'CloudTrail', 'us-east-1', '2026', '01', '06', 'quiet.json.gz'),
    [sampleRecord('negatives/iam-user-put-bucket-policy.json')],
  );
  return dir;
};

const emptyStates = async (file: string, browser: ReportInChromium['browser']) => {
  const { page, problems } = await openReport(browser, file);
  const states = await page.$$eval('section', (sections) =>
    sections.flatMap((section) => {
      const state = section.querySelector('.empty-state');
      return state ? [`${section.querySelector('h2')?.textContent}: ${state.textContent}`] : [];
    }),
  );
  await page.close();
  return { problems, states };
};

const quiet = reportInChromium(async () => {
  const file = join(scratchDir('report'), 'quiet.html');
  const code = await main(['scan', '--json', '--report', file, quietArchive()], {
    out: () => {},
    err: () => {},
  });
  if (code !== 0) throw new Error(`scan exited ${code}`);
  return file;
});

describe.skipIf(!haveChromium)('Report: rootwatch scan --report with nothing to chart', () => {
  it('says "None" where the archive was read and held no root use, and still shows the week observed', async () => {
    // Act
    const { problems, states } = await emptyStates(quiet.file, quiet.browser);

    // Assess
    expect(problems).toStrictEqual([]);
    expect(states).toStrictEqual([
      'Severity: None: no root finding.',
      'Critical findings: None: no critical root finding in what was read.',
      'Repeat offenders: None: no account used root in more than one week.',
      'Root uses per week: None: no root use in what was read.',
      'Root uses per account: None: no root use in what was read.',
      'How root authenticated: None: no root use in what was read.',
      'MFA on root console sign-ins: None: no successful root console sign-in.',
      'Accounts: None: no root use in what was read.',
    ]);
  });

  it('says "No data" everywhere when no object was read', async () => {
    // Prepare
    const file = join(scratchDir('report'), 'empty.html');
    await main(['scan', '--json', '--report', file, scratchDir('empty')], { out: () => {}, err: () => {} });

    // Act
    const { states } = await emptyStates(file, quiet.browser);

    // Assess
    expect(states.map((state) => state.split(':')[0])).toStrictEqual([
      'Severity',
      'Critical findings',
      'Accounts with root use, per week',
      'Repeat offenders',
      'Root uses per week',
      'Root uses per account',
      'How root authenticated',
      'MFA on root console sign-ins',
      'Accounts',
    ]);
    expect(states.every((state) => /^[^:]+: No data: no CloudTrail object was read/.test(state))).toBe(true);
  });
});
