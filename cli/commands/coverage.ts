import { AccountClient } from '@aws-sdk/client-account';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { TrailsRead } from '../../adapters/cloudtrail-trails.ts';
import { readTrails } from '../../adapters/cloudtrail-trails.ts';
import { DynamoDbLivenessStore } from '../../adapters/dynamodb-liveness-store.ts';
import { enabledRegions } from '../../adapters/enabled-regions.ts';
import { CLIENT_CONFIG } from '../../handlers/root-activity/aws-deps.ts';
import { coverageReport } from '../../scan/coverage/coverage-report.ts';
import type { LivenessStore } from '../../scan/coverage/liveness-store.ts';
import type { CoverageReport } from '../../schemas/coverage-report.ts';
import type { Place } from '../../schemas/liveness-record.ts';
import { coverageText } from '../format/coverage-table.ts';
import type { CommandIo } from '../io.ts';
import { coveragePage } from '../report/coverage-page.ts';
import { writeReport } from '../report/write-report.ts';
import type { CoverageOptions } from './coverage-args.ts';

/** Where `rootwatch coverage` reads: the liveness table, the trails of a set of Regions, enabled Regions. */
interface CoverageSources {
  store: LivenessStore;
  trails(regions: readonly string[]): Promise<TrailsRead>;
  /** The enabled Regions of `account`. */
  enabledRegions(account: string): Promise<string[]>;
}

/** The AWS sources, with the SDK's own configuration (credentials, `AWS_REGION`, `AWS_ENDPOINT_URL_*`). */
const awsSources = async (table: string): Promise<CoverageSources> => {
  // The Account Management API is global, served from us-east-1 [ACCT-LR].
  const account = new AccountClient({ ...CLIENT_CONFIG, region: 'us-east-1' });
  let caller: Promise<string | undefined> | undefined;
  const callerAccount = () =>
    (caller ??= new STSClient(CLIENT_CONFIG)
      .send(new GetCallerIdentityCommand({}))
      .then((identity) => identity.Account));
  return {
    store: await DynamoDbLivenessStore.connect({ tableName: table, clientConfig: CLIENT_CONFIG }),
    trails: (regions) => readTrails(regions, (region) => new CloudTrailClient({ ...CLIENT_CONFIG, region })),
    // The caller's own account is asked about without AccountId (the management account must).
    enabledRegions: async (id) => enabledRegions(account, id === (await callerAccount()) ? undefined : id),
  };
};

const reason = (error: unknown): string => (error as Error).message ?? String(error);

/** Every place to report: those heard, and each known account in each expected Region. */
const expectedPlaces = async (
  options: CoverageOptions,
  heard: readonly Place[],
  sources: CoverageSources,
  problems: string[],
): Promise<Place[]> => {
  const accounts = [...new Set([...heard.map((place) => place.account), ...options.accounts])].sort();
  const expected: Place[] = [];
  for (const account of accounts) {
    const regions = new Set(options.regions);
    if (options.enabledRegions) {
      try {
        for (const region of await sources.enabledRegions(account)) regions.add(region);
      } catch (error) {
        problems.push(`the enabled Regions of ${account} (${reason(error)})`);
      }
    }
    for (const region of regions) expected.push({ account, region });
  }
  return expected;
};

/** The report from the sources: the liveness table is required, every other input may fail into `problems`. */
const buildCoverage = async (options: CoverageOptions, sources: CoverageSources): Promise<CoverageReport> => {
  const heard = await sources.store.places();
  const problems: string[] = [];
  const expected = await expectedPlaces(options, heard, sources, problems);
  const regions = [...new Set([...heard, ...expected].map((place) => place.region))].sort();
  const trails = options.trails ? await sources.trails(regions) : undefined;
  return coverageReport({
    heard,
    expected,
    ...(trails && { trails: trails.trails, trailRegions: trails.regions }),
    asOf: options.asOf,
    silentAfterMinutes: options.silentAfterMinutes,
    problems: [...problems, ...(trails?.problems ?? [])],
  });
};

/**
 * `rootwatch coverage`: per account and Region, when the forwarder was last heard and whether a
 * trail logs read and write management events there (docs/coverage.md). A table, or the report as
 * one JSON object (`--json`), and an HTML page (`--report`). Exit 0 when every place is covered, 1
 * when one is not, 2 when the table cannot be read (or, after printing, when some input could not).
 */
const runCoverage = async (
  options: CoverageOptions,
  io: CommandIo,
  sources?: CoverageSources,
): Promise<number> => {
  const report = await buildCoverage(options, sources ?? (await awsSources(options.table)));
  if (options.json) io.out(JSON.stringify(report));
  else for (const line of coverageText(report)) io.out(line);
  if (options.report) await writeReport(options.report, coveragePage(report));
  if (report.problems.length) {
    if (options.json) for (const problem of report.problems) io.err(`could not read: ${problem}`);
    return 2;
  }
  // Nothing heard and nothing expected is no coverage at all, not full coverage.
  const { places, covered } = report.summary;
  return places > 0 && covered === places ? 0 : 1;
};

export { runCoverage, buildCoverage, awsSources };
export type { CoverageSources };
