import { closeSync, mkdtempSync } from 'node:fs';
import { fileProblem, openOutputFile } from '../output-files.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Detector } from '../../detection/detector.ts';
import { IncidentTracker } from '../../incidents/incident-tracker.ts';
import { MemoryVersionedStore } from '../../incidents/versioned-store.ts';
import type { SuppressionRule } from '../../schemas/suppression-config.ts';
import { asEventBridgeEvent } from '../../detection/delivery/as-eventbridge-event.ts';
import { deliveredByRule } from '../../detection/delivery/delivered-by-rule.ts';
import { notCloudTrailInput } from '../../detection/record-basis.ts';
import { inputExitCode } from '../../findings/fail-on.ts';
import { emptySummary } from '../../findings/finding-summary.ts';
import type { AsffOptions } from '../../findings/formats/asff.ts';
import type { FindingFormat } from '../../findings/formats/render-finding.ts';
import { isJsonFormat, renderFinding } from '../../findings/formats/render-finding.ts';
import { buildAwsDeps } from '../../handlers/root-activity/aws-deps.ts';
import type { HandlerDeps } from '../../handlers/root-activity/make-handler.ts';
import { makeHandler } from '../../handlers/root-activity/make-handler.ts';
import { ALERT_DETAIL_TYPES } from '../../schemas/alert-event.ts';
import type { DetectorConfig } from '../../schemas/detector-config.ts';
import type { Finding } from '../../schemas/finding.ts';
import type { Severity } from '../../schemas/finding.ts';
import type { Alert } from '../../adapters/alert-sink.ts';
import { ConsoleAlertSink } from '../../adapters/console-alert-sink.ts';
import { JsonLinesRecordSink } from '../../adapters/json-lines-record-sink.ts';
import { createLogger } from '../../adapters/logger.ts';
import { invalidInputLines, unreadableInputLine } from '../format/input-errors.ts';
import { nothingReadLine } from '../format/nothing-read.ts';
import { summaryText } from '../format/summary-text.ts';
import type { InputItem } from '../../scan/documents/input-item.ts';
import { readItems } from '../input/read-items.ts';
import type { ReadLimits } from '../../scan/documents/read-limits.ts';
import type { CommandIo } from '../io.ts';
import { EVENTS_DIR } from '../package-files.ts';
import { CountingRecordSink } from '../replay/counting-record-sink.ts';

/** The bundled samples, wherever rootwatch is run from. */
const DEFAULT_EVENTS = EVENTS_DIR;

interface ReplayOptions {
  paths: readonly string[];
  aws: boolean;
  recordsFile?: string | undefined;
  alertMinSeverity: Severity;
  /** `--fail-on SEVERITY`: exit 1 when a finding at or above it was recorded (suppressed ones do not count). */
  failOn?: Severity | undefined;
  config: DetectorConfig;
  /** Suppression rules (`--suppressions FILE`). */
  suppressions: readonly SuppressionRule[];
  /** How alerts print: `text` (the default) as a SOC analyst reads them, or one JSON object per line. */
  format?: FindingFormat;
  /** Where ASFF findings are to be imported (`--asff-account`, `--asff-region`). */
  asff?: AsffOptions;
  /** The clock of suppression expiry; default the system's. */
  now?: Date;
  /** `--max-object-mb`: the largest file read, stored or decompressed. */
  limits?: ReadLimits;
}

/**
 * Prints an alert in the chosen format; a finding's OCSF evidence is the event being delivered
 * (`delivering()`), which the alert itself does not carry.
 */
const alertRenderer =
  (options: ReplayOptions, delivering: () => unknown) =>
  (alert: Alert): string => {
    const format = options.format ?? 'text';
    if (alert.detailType !== ALERT_DETAIL_TYPES.finding) {
      return isJsonFormat(format)
        ? JSON.stringify({ detailType: alert.detailType, detail: alert.detail })
        : `${alert.detailType}: ${JSON.stringify(alert.detail)}\n`;
    }
    const text = renderFinding(format, alert.detail as unknown as Finding, {
      rawEvent: delivering(),
      ...(options.asff && { asff: options.asff }),
    });
    return format === 'text' ? `${text}\n` : text;
  };

/**
 * Where the records go: `--records FILE`, else a new temporary folder. Made and opened before the
 * first event, so that a folder that cannot be written (TMPDIR, the given file's) fails the command
 * with one line saying what to change, and exit 2, not a failed delivery per event (exit 1).
 */
const writableRecordsFile = (given: string | undefined): string => {
  let file = given;
  try {
    file ??= join(mkdtempSync(join(tmpdir(), 'rootwatch-replay-')), 'records.jsonl');
  } catch (error) {
    throw fileProblem(
      'the records',
      `a temporary folder in ${tmpdir()}`,
      error,
      ': set TMPDIR, or pass --records FILE',
    );
  }
  closeSync(openOutputFile('the records', file, { append: true, hint: ': pass --records FILE elsewhere' }));
  return file;
};

/** Local sinks: records to a JSON Lines file, alerts printed as a SOC analyst reads them. */
const localDeps = (
  options: ReplayOptions,
  io: CommandIo,
  delivering: () => unknown,
): { deps: HandlerDeps; recordsFile: string } => {
  const recordsFile = writableRecordsFile(options.recordsFile);
  return {
    recordsFile,
    deps: {
      detector: new Detector(options.config),
      records: new JsonLinesRecordSink(recordsFile),
      alerts: new ConsoleAlertSink(io.out, alertRenderer(options, delivering)),
      logger: createLogger({ level: 'silent' }),
      alertMinSeverity: options.alertMinSeverity,
      // Grouped in memory exactly as the Lambda groups in DynamoDB: the offline and live views agree.
      incidents: new IncidentTracker(new MemoryVersionedStore()),
      suppressions: options.suppressions,
      ...(options.now && { now: () => options.now! }),
    },
  };
};

/**
 * `rootwatch replay`: feeds events through the real handler code, as the EventBridge rules would
 * deliver them (records wrapped in their envelope, the rules' own patterns deciding what is
 * delivered: the tampering rules' too, for the protected resources of `--config`), with local
 * sinks, or with the AWS sinks of the configured environment (`--aws`).
 * Input that the rules would not deliver and that is not CloudTrail at all (record-basis.ts) is
 * reported; what they deliver, the handler judges and records, invalid or not. Exit 0; 1 when a
 * delivery failed or a finding tripped `--fail-on`; 2 when some input could not be read or is not
 * CloudTrail, or a path held nothing to read (after the rest; 2 wins over 1).
 */
const runReplay = async (options: ReplayOptions, io: CommandIo): Promise<number> => {
  let delivering: unknown;
  const local = options.aws ? undefined : localDeps(options, io, () => delivering);
  // With a JSON format, stdout carries only the alerts, one per line; the summary goes to stderr.
  const report = isJsonFormat(options.format ?? 'text') ? io.err : io.out;
  const deps =
    local?.deps ??
    (await buildAwsDeps(process.env, {
      logger: createLogger({ level: 'warn', destination: process.stderr }),
    }));
  const summary = emptySummary();
  const counting = new CountingRecordSink(deps.records, summary, options.failOn);
  const handler = makeHandler({ ...deps, records: counting });
  let unreadable = 0;
  let notCloudTrail = 0;
  let notDelivered = 0;
  let failed = 0;
  let invocation = 0;
  const deliver = async (item: InputItem): Promise<void> => {
    if (item.kind === 'unreadable') {
      unreadable += 1;
      io.err(unreadableInputLine(item.position, item.reason, 'replay'));
      return;
    }
    const event = asEventBridgeEvent(item.value);
    if (!deliveredByRule(event, options.config.protectedResources)) {
      // What the rule delivers, the handler judges (and records when invalid, as the Lambda does);
      // what it would not deliver is either a quiet non-root record or no CloudTrail at all.
      const notRecord = notCloudTrailInput(item.value);
      if (notRecord) {
        notCloudTrail += 1;
        for (const line of invalidInputLines(item.position, [notRecord])) io.err(line);
      } else notDelivered += 1;
      return;
    }
    delivering = event;
    try {
      await handler(event, { awsRequestId: `replay-${(invocation += 1)}` });
    } catch (error) {
      failed += 1;
      io.err(`delivery failed: ${(error as Error).message}`);
    }
  };
  const emptyPaths: string[] = [];
  for (const path of options.paths.length ? options.paths : [DEFAULT_EVENTS]) {
    let read = 0;
    for await (const item of readItems([path], options.limits)) {
      read += 1;
      await deliver(item);
    }
    if (read === 0) emptyPaths.push(path);
  }
  report(summaryText(summary));
  report(`  not delivered by the rule: ${notDelivered}`);
  if (notCloudTrail) report(`  not CloudTrail, not delivered: ${notCloudTrail}`);
  if (failed) report(`  failed deliveries: ${failed} (Lambda would retry them)`);
  report(
    local
      ? `  records: ${local.recordsFile}`
      : '  records and alerts: AWS (see the configured log group and bus)',
  );
  for (const path of emptyPaths) io.err(nothingReadLine('replay', path));
  return inputExitCode({
    invalid: unreadable + notCloudTrail + emptyPaths.length > 0,
    failing: failed + counting.failing > 0,
  });
};

export { runReplay, DEFAULT_EVENTS };
export type { ReplayOptions };
