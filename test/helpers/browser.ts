import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { scratchDir } from './archive.ts';

/** Debian's chromium, as .ci/run installs it (apt-get install chromium). */
const CHROMIUM = process.env.ROOTWATCH_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Whether this run is CI's: `CI` set to anything but `false` or `0`, as CI services set it. */
const isCi = (env: NodeJS.ProcessEnv): boolean => !!env.CI && env.CI !== 'false' && env.CI !== '0';

/**
 * What the browser suites do here: run; skip with a printed reason (locally, without Chromium); or
 * fail with the reason (in CI, where a skipped browser test would pass a report nobody opened).
 */
const browserPlan = (
  chromium: string,
  exists: boolean,
  ci: boolean,
): { kind: 'run' } | { kind: 'skip' | 'fail'; reason: string } => {
  if (exists) return { kind: 'run' };
  const reason =
    `no Chromium at ${chromium}: install it (Debian: apt-get install chromium) or point ` +
    'ROOTWATCH_CHROMIUM at a Chromium binary (docs/development.md, "Browser tests")';
  return { kind: ci ? 'fail' : 'skip', reason };
};

/**
 * The browser's environment: this one without libfaketime (`npm run test:any-date`), under which
 * Chromium's timers stall; the time zone and locale stay, so pages still render in the faked ones.
 * The pages themselves are written on the tests' injected clocks.
 */
const realClockEnv = (env: NodeJS.ProcessEnv): Record<string, string> =>
  Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined &&
        !/^(LD_PRELOAD|DYLD_INSERT_LIBRARIES|DYLD_FORCE_FLAT_NAMESPACE|FAKETIME\w*)$/.test(entry[0]),
    ),
  );

const PLAN = browserPlan(CHROMIUM, existsSync(CHROMIUM), isCi(process.env));
if (PLAN.kind === 'skip') console.warn(`HTML report tests skipped: ${PLAN.reason} (with CI=true they fail)`);

/** Whether the report suites run: with Chromium, or in CI, where they then fail with the reason. */
const haveChromium = PLAN.kind !== 'skip';

const launchChromium = (): Promise<Browser> => {
  if (PLAN.kind === 'fail') throw new Error(`CI=true and ${PLAN.reason}`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, env: realClockEnv(process.env) });
};

/** A suite's report and the browser to open it in, once both are ready. */
interface ReportInChromium {
  browser: Browser;
  file: string;
}

/**
 * Registers the lifecycle of a report suite: before it, `write` writes the report (and returns its
 * file) once Chromium has started; after it, Chromium stops. Nothing runs when the suites skip.
 */
const reportInChromium = (write: () => Promise<string>): ReportInChromium => {
  const state = {} as ReportInChromium;
  beforeAll(async () => {
    if (!haveChromium) return;
    state.browser = await launchChromium();
    state.file = await write();
  }, 60_000);
  afterAll(async () => {
    await state.browser?.close();
  });
  return state;
};

/** A chart of the page as drawn: its label, whether it has a real size, and how many marks it drew. */
interface DrawnChart {
  label: string | null;
  drawn: boolean;
  marks: number;
}

/** A report page opened from its file, with what it logged and fetched, and its charts and figures. */
interface OpenedReport {
  page: Page;
  /** Console errors and warnings, and uncaught errors. */
  problems: string[];
  /** Every URL the page requested, its own included. */
  requests: string[];
  charts: DrawnChart[];
  /** The headline figures, as shown. */
  figures: (string | null)[];
  /** A full-page screenshot (PNG), kept in a scratch folder for a look by eye. */
  screenshot: Buffer;
}

const openReport = async (browser: Browser, file: string): Promise<OpenedReport> => {
  const page = await browser.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(pathToFileURL(file).href);
  const charts = await page.$$eval('svg.chart', (svgs) =>
    svgs.map((svg) => {
      const box = svg.getBoundingClientRect();
      return {
        label: svg.getAttribute('aria-label'),
        drawn: box.width > 100 && box.height > 50,
        marks: svg.querySelectorAll('rect[height]:not([height="0"]), circle[stroke-dasharray]').length,
      };
    }),
  );
  const figures = await page.$$eval('.figure-card .value', (values) =>
    values.map((value) => value.textContent),
  );
  const screenshot = await page.screenshot({ fullPage: true, path: join(scratchDir('shot'), 'report.png') });
  return { page, problems, requests, charts, figures, screenshot };
};

/**
 * What a self-contained page must not hold: a script, a stylesheet link, a tag with a source, a URL to
 * fetch. `src=` counts inside a tag only: escaped text (`&lt;img src=x&gt;`) is text.
 */
const FETCHING_MARKUP = /<script|<link|<[^>]*\ssrc=|url\(|https?:\/\/(?!www\.w3\.org)/;

export { haveChromium, browserPlan, isCi, reportInChromium, openReport, FETCHING_MARKUP };
export type { OpenedReport, DrawnChart, ReportInChromium };
