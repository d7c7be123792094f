import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { DetectorConfig } from '../../schemas/detector-config.ts';
import type { Finding, Severity } from '../../schemas/finding.ts';
import type { ScanOptions } from '../../schemas/scan-options.ts';
import type { SuppressionRule } from '../../schemas/suppression-config.ts';
import { inputExitCode, tripsFailOn } from '../../findings/fail-on.ts';
import { countFinding, emptySummary } from '../../findings/finding-summary.ts';
import { groupFindings } from '../../incidents/group-findings.ts';
import { renderFinding } from '../../findings/formats/render-finding.ts';
import type { FormatChoice } from '../format/format-option.ts';
import type { ArchiveDetector, DetectorContext } from '../../scan/archive-detector.ts';
import { scanArchive } from '../../scan/scan-archive.ts';
import { ScanSummaryBuilder } from '../../scan/summary-builder.ts';
import type { ObjectScanner } from '../../scan/workers/object-scanner.ts';
import { tableHeader, tableRow } from '../format/finding-table.ts';
import { invalidInputLines, unreadableInputLine } from '../format/input-errors.ts';
import { emptyRootLine, noRecordsLine } from '../format/nothing-scanned.ts';
import { plural } from '../format/plural.ts';
import { progressLine } from '../format/scan-progress.ts';
import { scanSummaryText } from '../format/scan-summary-text.ts';
import type { CommandIo } from '../io.ts';
import { MAX_LISTED } from '../report/input-problems.ts';
import type { InputProblem } from '../report/input-problems.ts';
import { scanReportPage } from '../report/scan-report.ts';
import { writeReport } from '../report/write-report.ts';
import { fileProblem, openOutputFile, writeOutputFile } from '../output-files.ts';
import { scanRoots } from './scan-roots.ts';
import { startScanner } from './scan-scanner.ts';

/**
 * The detector, loaded while the workers read the first objects: it is most of the command line's
 * start (zod's record schemas, every rule, the CIS catalogue), and its first records wait for it.
 */
const lazyDetector =
  (config: DetectorConfig, filters: ScanOptions) =>
  async (context: DetectorContext): Promise<ArchiveDetector> => {
    const { archiveDetector } = await import('../../scan/archive-detector.ts');
    return archiveDetector(config, filters)(context);
  };

interface ScanOutput extends FormatChoice<'table'> {
  /** Approved exceptions: suppressed findings are printed with the rule, and counted apart. */
  suppressions?: readonly SuppressionRule[];
}

/** Where findings go: stdout, or `--out FILE`, as a table or in a finding format. */
const findingWriter = (options: ScanOptions, output: ScanOutput, io: CommandIo) => {
  const file =
    options.out === undefined
      ? undefined
      : createWriteStream(options.out, { fd: openOutputFile('the findings', options.out) });
  // A write that fails later (a full disk) fails the command when the file is closed, not the process.
  let failed: unknown;
  file?.on('error', (error) => (failed ??= error));
  const line = file ? (text: string) => void file.write(`${text}\n`) : io.out;
  const { format } = output;
  return {
    open: () => {
      if (format === 'table') line(tableHeader());
    },
    write: (finding: Finding) =>
      line(
        format === 'table'
          ? tableRow(finding)
          : renderFinding(format, finding, { asff: output.asff }) + (format === 'text' ? '\n' : ''),
      ),
    close: async () => {
      if (!file) return;
      file.end();
      await once(file, 'close');
      if (failed) throw fileProblem('the findings', options.out!, failed);
    },
  };
};

/** Progress on a terminal, at most four times a second; silent when `io.status` is absent. */
const progressReporter = (io: CommandIo) => {
  const started = performance.now();
  let last = 0;
  return {
    update: (line: (elapsed: number) => string) => {
      const now = performance.now();
      if (!io.status || now - last < 250) return;
      last = now;
      io.status(line((now - started) / 1000));
    },
    clear: () => io.status?.(''),
  };
};

/** Read problems: printed on stderr as they come, the first of them kept for the report page. */
const problemLines = (io: CommandIo) => {
  const listed: InputProblem[] = [];
  let total = 0;
  return {
    note: (file: string, kind: 'unreadable' | 'invalid', message: string) => {
      io.err(message);
      total += 1;
      if (listed.length < MAX_LISTED) listed.push({ file, kind, tone: 'danger', message });
    },
    forReport: () => ({ listed, total }),
  };
};

/** `incidents: 12 (14 findings opened or escalated one; …)`, as replay's summary says it. */
const incidentsLine = (findings: readonly Finding[]): string => {
  const counted = emptySummary();
  for (const finding of findings) countFinding(counted, finding);
  return (
    `Incidents: ${counted.incidentIds.size} (${plural(counted.pages, 'finding')} opened or escalated one; the rest updated theirs)` +
    (counted.suppressed ? `; ${counted.suppressed} suppressed` : '')
  );
};

/**
 * `rootwatch scan`: root activity in CloudTrail archives (folders in the S3 layout, log files,
 * JSON Lines exports, `s3://` prefixes), with per-account and fleet figures and an HTML report.
 * Findings print once everything is read, in event-time order and grouped into incidents as the
 * live detector groups them (they are few: root activity is rare). Exit 0; 1 when a finding trips
 * `--fail-on`; 2 when any object or record could not be read or is not CloudTrail, when a path or
 * prefix held nothing to scan or the filters pruned all of it, or when no object read held a
 * CloudTrail record (after scanning everything else; 2 wins over 1).
 */
const runScan = async (
  options: ScanOptions,
  config: DetectorConfig,
  io: CommandIo,
  {
    output = { format: options.json ? 'native' : 'table', asff: {} },
    scanner = startScanner(options),
    now = new Date(),
    failOn,
  }: {
    output?: ScanOutput;
    scanner?: ObjectScanner;
    /** The clock of suppression expiry and of the report's stamp. */
    now?: Date;
    /** `--fail-on SEVERITY`: exit 1 when a finding (grouped, not suppressed) is at or above it. */
    failOn?: Severity | undefined;
  } = {},
): Promise<number> => {
  let roots;
  let writer;
  try {
    roots = await scanRoots(options.paths);
    writer = findingWriter(options, output, io);
  } catch (error) {
    await scanner.close();
    throw error;
  }
  const problems = problemLines(io);
  const found: Finding[] = [];
  let grouped: Finding[];
  const builder = new ScanSummaryBuilder();
  const progress = progressReporter(io);
  const nothingScanned: string[] = [];
  writer.open();
  let inputs;
  // The workers are ended as soon as every object is read, while the findings are grouped and printed.
  let closing: Promise<void> | undefined;
  const closeScanner = () => {
    if (!closing) {
      closing = scanner.close();
      closing.catch(() => {}); // awaited, and so thrown, below
    }
    return closing;
  };
  try {
    inputs = await scanArchive(
      { roots, filters: options, detector: lazyDetector(config, options), scanner },
      {
        ...builder.listener,
        finding: (finding, position) => {
          builder.listener.finding(finding, position);
          found.push(finding);
        },
        unreadable: (position, reason) =>
          problems.note(position.file, 'unreadable', unreadableInputLine(position, reason, 'scan')),
        invalid: (position, issues) => {
          for (const line of invalidInputLines(position, issues))
            problems.note(position.file, 'invalid', line);
        },
        progress: (state) => progress.update((elapsed) => progressLine(state, elapsed)),
        emptyRoot: (location, pruned) => nothingScanned.push(emptyRootLine(location, pruned, options)),
      },
    );
    void closeScanner();
    grouped = await groupFindings(found, { suppressions: output.suppressions ?? [], now });
    for (const finding of grouped) writer.write(finding);
  } finally {
    progress.clear();
    await closeScanner();
    await writer.close();
  }
  const summary = builder.build(inputs, {
    sources: options.paths,
    since: options.since,
    until: options.until,
    accounts: options.accounts,
    regions: options.regions,
  });
  if (options.summary !== undefined)
    await writeOutputFile('the summary', options.summary, `${JSON.stringify(summary, null, 2)}\n`);
  const summaryText = `${scanSummaryText(summary)}${grouped.length ? `\n${incidentsLine(grouped)}` : ''}`;
  if (!options.json) io.out(`\n${summaryText}`);
  else if (options.summary === undefined) io.err(summaryText);
  if (options.report !== undefined)
    await writeReport(options.report, scanReportPage(summary, now, problems.forReport()));
  // Last, so that the final line says it: a scan that read nothing is no all-clear.
  const noRecords = noRecordsLine(inputs, options.paths);
  if (noRecords) nothingScanned.push(noRecords);
  for (const line of nothingScanned) io.err(line);
  return inputExitCode({
    invalid: inputs.unreadable + inputs.invalidRecords + nothingScanned.length > 0,
    failing: grouped.some((finding) => tripsFailOn(finding, failOn)),
  });
};

export { runScan };
export type { ScanOutput };
