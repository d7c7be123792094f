import { Detector } from '../detection/detector.ts';
import type { DetectorConfig } from '../schemas/detector-config.ts';
import type { Finding } from '../schemas/finding.ts';
import type { ScanInputs } from '../schemas/scan-summary.ts';
import type { InputItem, InputPosition } from './documents/input-item.ts';
import type { RecordFilterOptions } from './record-filter.ts';
import { recordFilter } from './record-filter.ts';
import type { ScanListener, ScanProgress } from './scan-listener.ts';

/** What a scan gives its detector: where to report, and the counters it keeps. */
interface DetectorContext {
  listener: ScanListener;
  inputs: ScanInputs;
  progress: ScanProgress;
}

/** Session-token findings may become `assumed-root` once a later object shows their AssumeRoot call. */
const mayBeAssumedRoot = (finding: Finding): boolean =>
  finding.credential === 'session-token' && finding.identityType === 'Root';

/**
 * The one detector of a scan, fed the root-related records of every object in whatever order the
 * objects come back, so that AssumeRoot sessions are learnt across objects. Findings go out as
 * found (if the record filters pass them), except the few session-token ones that an AssumeRoot
 * call seen later could turn into `assumed-root`: `finish` classifies those once all is read.
 */
class ArchiveDetector {
  readonly #detector: Detector;
  readonly #passes: (finding: Finding) => boolean;
  readonly #held: Array<{ value: unknown; position: InputPosition }> = [];

  constructor(
    config: DetectorConfig,
    filters: RecordFilterOptions,
    private readonly listener: ScanListener,
    private readonly inputs: ScanInputs,
    private readonly progress: ScanProgress,
  ) {
    this.#detector = new Detector(config);
    this.#passes = recordFilter(filters);
  }

  /** One item of an object: a record or envelope, or a problem reading it. */
  take(item: InputItem, final = false): void {
    if (item.kind === 'unreadable') {
      this.inputs.unreadable += 1;
      this.progress.problems += 1;
      this.listener.unreadable(item.position, item.reason);
      return;
    }
    const detection = this.#detector.detect(item.value);
    if (detection.kind === 'invalid') {
      this.inputs.invalidRecords += 1;
      this.progress.problems += 1;
      this.listener.invalid(item.position, detection.issues);
    } else if (detection.kind === 'ignored') this.listener.ignored?.(detection.reason);
    else if (!final && mayBeAssumedRoot(detection.finding))
      this.#held.push({ value: item.value, position: item.position });
    else this.#emit(detection.finding, item.position);
  }

  /** Classifies the held findings, now that every AssumeRoot call has been seen. */
  finish(): void {
    for (const { value, position } of this.#held.splice(0))
      this.take({ kind: 'value', position, value }, true);
  }

  #emit(finding: Finding, position: InputPosition): void {
    if (!this.#passes(finding)) {
      this.listener.outsideFilters?.(finding);
      return;
    }
    this.progress.findings += 1;
    this.listener.finding(finding, position);
  }
}

/** The detector factory `scanArchive` takes: the detector config and the record filters. */
const archiveDetector =
  (config: DetectorConfig, filters: RecordFilterOptions) =>
  ({ listener, inputs, progress }: DetectorContext): ArchiveDetector =>
    new ArchiveDetector(config, filters, listener, inputs, progress);

export { ArchiveDetector, archiveDetector };
export type { DetectorContext };
