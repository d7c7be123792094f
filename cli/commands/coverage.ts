import { awsCoverageSources } from '../../adapters/coverage-sources.ts';
import { CLIENT_CONFIG } from '../../handlers/root-activity/aws-deps.ts';
import { buildCoverage } from '../../scan/coverage/build-coverage.ts';
import type { CoverageSources } from '../../scan/coverage/build-coverage.ts';
import { coverageText } from '../format/coverage-table.ts';
import type { CommandIo } from '../io.ts';
import { coveragePage } from '../report/coverage-page.ts';
import { writeReport } from '../report/write-report.ts';
import type { CoverageOptions } from './coverage-args.ts';

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
  const report = await buildCoverage(
    options,
    sources ?? (await awsCoverageSources(options.table, CLIENT_CONFIG)),
  );
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

export { runCoverage };
