import type { Alert, AlertSink } from '../../adapters/alert-sink.ts';
import { embeddedMetrics } from '../../adapters/embedded-metrics.ts';
import type { Logger } from '../../adapters/logger.ts';
import type { RecordSink } from '../../adapters/record-sink.ts';
import { buildCoverage } from '../../scan/coverage/build-coverage.ts';
import type { CoverageSources } from '../../scan/coverage/build-coverage.ts';
import { silenceId } from '../../scan/coverage/coverage-report.ts';
import { placeKey } from '../../scan/coverage/liveness-store.ts';
import { ALERT_DETAIL_TYPES } from '../../schemas/alert-event.ts';
import type { CoverageAlertDetail } from '../../schemas/coverage-alert.ts';
import { COVERAGE_METRICS } from '../../schemas/coverage-check-config.ts';
import type { CoverageRun } from '../../schemas/liveness-record.ts';
import { functionPlace } from '../function-place.ts';

interface CoverageCheckSettings {
  silentAfterMinutes: number;
  /** Accounts that must be heard besides those that were (the detector's own is always one). */
  accounts: readonly string[];
  enabledRegions: boolean;
  trails: boolean;
}

interface CoverageCheckDeps {
  sources: CoverageSources;
  records: RecordSink;
  alerts: AlertSink;
  logger: Logger;
  settings: CoverageCheckSettings;
  now?: () => Date;
}

/** The part of the Lambda context the handler reads. */
interface CoverageContext {
  awsRequestId?: string;
  functionName?: string;
  invokedFunctionArn?: string;
}

/**
 * The scheduled coverage check (docs/coverage.md): reads the liveness table once, builds the report
 * as `rootwatch coverage` does (the detector's own account and the configured ones expected, each in
 * its enabled Regions; the trails of each Region), alerts each place newly silent or never heard
 * (`Rootwatch Coverage Gap`, an id stable while it stays silent), notes that it did, records the run
 * and publishes its metrics, on which the alarms are. Alerts go out before they are noted, so that a
 * failure in between alerts again (at least once, with the same id), never not at all. The table
 * unreadable fails the invocation; a Region or an account that cannot be read is a problem, recorded.
 */
const makeCoverageHandler =
  (deps: CoverageCheckDeps) =>
  async (_event: unknown, context: CoverageContext = {}): Promise<Omit<CoverageRun, 'kind'>> => {
    const now = deps.now ?? (() => new Date());
    const log = deps.logger.child({ awsRequestId: context.awsRequestId });
    const { store } = deps.sources;
    const heard = await store.places();
    const alerted = new Map(heard.map((place) => [placeKey(place), place.alertedSilence]));
    const own = functionPlace(context.invokedFunctionArn).account;
    const report = await buildCoverage(
      {
        accounts: [...deps.settings.accounts, ...(/^\d{12}$/.test(own) ? [own] : [])],
        regions: [],
        enabledRegions: deps.settings.enabledRegions,
        trails: deps.settings.trails,
        silentAfterMinutes: deps.settings.silentAfterMinutes,
        asOf: now(),
      },
      {
        ...deps.sources,
        // Read once: the same items decide what is silent and what was alerted.
        store: {
          heard: (one) => store.heard(one),
          places: async () => heard,
          markAlerted: (place, silence) => store.markAlerted(place, silence),
        },
      },
    );
    const silent = report.places.filter((place) => place.liveness !== 'live');
    const fresh = silent.filter((place) => alerted.get(placeKey(place)) !== silenceId(place));
    const alerts: Alert[] = fresh.map((place) => {
      const detail: CoverageAlertDetail = {
        eventId: silenceId(place),
        account: place.account,
        region: place.region,
        liveness: place.liveness as CoverageAlertDetail['liveness'],
        lastHeard: place.lastHeard,
        silentForMinutes: place.silentForMinutes,
        silentAfterMinutes: report.silentAfterMinutes,
        trail: place.trail,
        asOf: report.asOf,
      };
      return { detailType: ALERT_DETAIL_TYPES.coverage, detail };
    });
    await deps.alerts.send(alerts);
    for (const place of fresh) await store.markAlerted(place, silenceId(place));

    const run: Omit<CoverageRun, 'kind'> = {
      asOf: report.asOf,
      silentAfterMinutes: report.silentAfterMinutes,
      places: report.summary.places,
      silent: silent.map(({ account, region, lastHeard }) => ({ account, region, lastHeard })),
      alerted: alerts.length,
    };
    await deps.records.write([{ kind: 'coverage', ...run }]);
    log.info(
      embeddedMetrics(
        COVERAGE_METRICS.namespace,
        { [COVERAGE_METRICS.dimension]: context.functionName ?? 'rootwatch-coverage' },
        {
          [COVERAGE_METRICS.places]: report.summary.places,
          [COVERAGE_METRICS.silent]: silent.length,
          [COVERAGE_METRICS.trailGaps]: report.summary.trailGaps,
          [COVERAGE_METRICS.problems]: report.problems.length,
        },
        now().getTime(),
      ),
      'coverage metrics',
    );
    for (const place of silent)
      log.warn(
        { account: place.account, region: place.region, lastHeard: place.lastHeard, alerted: fresh.includes(place) },
        'forwarder silent',
      );
    if (report.problems.length) log.warn({ problems: report.problems }, 'coverage check could not read everything');
    log.info({ ...report.summary, alerted: alerts.length }, 'coverage check done');
    return run;
  };

export { makeCoverageHandler };
export type { CoverageCheckDeps, CoverageCheckSettings, CoverageContext };
