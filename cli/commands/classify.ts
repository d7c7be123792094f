import { Detector } from '../../detection/detector.ts';
import { countFinding, countIgnored, emptySummary } from '../../findings/finding-summary.ts';
import { inputExitCode, tripsFailOn } from '../../findings/fail-on.ts';
import type { AsffOptions } from '../../findings/formats/asff.ts';
import type { FindingFormat } from '../../findings/formats/render-finding.ts';
import { isJsonFormat, renderFinding } from '../../findings/formats/render-finding.ts';
import { admitFinding } from '../../incidents/admit-finding.ts';
import type { SuppressionRule } from '../../schemas/suppression-config.ts';
import type { DetectorConfig } from '../../schemas/detector-config.ts';
import type { Severity } from '../../schemas/finding.ts';
import { invalidInputLines, unreadableInputLine } from '../format/input-errors.ts';
import { nothingReadLine } from '../format/nothing-read.ts';
import { summaryText } from '../format/summary-text.ts';
import { tableHeader, tableRow } from '../format/finding-table.ts';
import type { InputItem } from '../../scan/documents/input-item.ts';
import type { ReadLimits } from '../../scan/documents/read-limits.ts';
import { readItems } from '../input/read-items.ts';
import type { CommandIo } from '../io.ts';

interface ClassifyOptions {
  paths: readonly string[];
  /** `table` (the default), or a finding format: native, ocsf and asff print one JSON object per line. */
  format: FindingFormat | 'table';
  /** Where ASFF findings are to be imported (`--asff-account`, `--asff-region`). */
  asff?: AsffOptions;
  summary: boolean;
  failOn?: Severity | undefined;
  config: DetectorConfig;
  /** Approved exceptions: a suppressed finding prints with its rule and does not count for `--fail-on`. */
  suppressions?: readonly SuppressionRule[];
  now?: Date;
  /** `--max-object-mb`: the largest file read, stored or decompressed. */
  limits?: ReadLimits;
}

/**
 * `rootwatch classify`: one finding per root event, in input order, as a table or in a finding format. Exit 0; 1 when a finding at or
 * above `--fail-on` was printed; 2 when any input was invalid or not CloudTrail, or a path held nothing
 * to read, after all valid input (2 wins over 1).
 */
const runClassify = async (options: ClassifyOptions, io: CommandIo): Promise<number> => {
  const items: InputItem[] = [];
  const emptyPaths: string[] = [];
  for (const path of options.paths) {
    const before = items.length;
    for await (const item of readItems([path], options.limits)) items.push(item);
    if (items.length === before) emptyPaths.push(path);
  }

  const detector = new Detector(options.config);
  // A centralized-root session's AssumeRoot record may come after its root events in the input.
  detector.learnSessions(items.flatMap((item) => (item.kind === 'value' ? [item.value] : [])));

  const summary = emptySummary();
  let failing = false;
  const { format } = options;
  const json = format !== 'table' && isJsonFormat(format);
  if (format === 'table') io.out(tableHeader());
  for (const item of items) {
    if (item.kind === 'unreadable') {
      summary.invalid += 1;
      io.err(unreadableInputLine(item.position, item.reason, 'classify'));
      continue;
    }
    const detection = detector.detect(item.value);
    if (detection.kind === 'invalid') {
      summary.invalid += 1;
      for (const line of invalidInputLines(item.position, detection.issues)) io.err(line);
    } else if (detection.kind === 'ignored') {
      countIgnored(summary, detection.reason);
    } else {
      const finding = await admitFinding(detection.finding, {
        suppressions: options.suppressions,
        now: options.now ?? new Date(),
      });
      countFinding(summary, finding);
      io.out(
        format === 'table'
          ? tableRow(finding)
          : renderFinding(format, finding, {
              rawEvent: item.value,
              ...(options.asff && { asff: options.asff }),
            }) + (format === 'text' ? '\n' : ''),
      );
      if (tripsFailOn(finding, options.failOn)) failing = true;
    }
  }
  if (options.summary) (json ? io.err : io.out)(`\n${summaryText(summary)}`);
  for (const path of emptyPaths) io.err(nothingReadLine('classify', path));
  return inputExitCode({ invalid: summary.invalid + emptyPaths.length > 0, failing });
};

export { runClassify };
export type { ClassifyOptions };
