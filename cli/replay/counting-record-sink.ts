import type { FindingSummary } from '../../findings/finding-summary.ts';
import { tripsFailOn } from '../../findings/fail-on.ts';
import { countFinding, countIgnored } from '../../findings/finding-summary.ts';
import type { Severity } from '../../schemas/finding.ts';
import type { RecordEntry } from '../../schemas/record-entry.ts';
import type { RecordSink } from '../../adapters/record-sink.ts';

/** Passes entries on to another sink and counts them for the closing summary and `--fail-on`. */
class CountingRecordSink implements RecordSink {
  readonly summary: FindingSummary;
  /** Findings recorded at or above `--fail-on`, not suppressed. */
  failing = 0;
  readonly #inner: RecordSink;
  readonly #failOn: Severity | undefined;

  constructor(inner: RecordSink, summary: FindingSummary, failOn?: Severity) {
    this.#inner = inner;
    this.summary = summary;
    this.#failOn = failOn;
  }

  async write(entries: readonly RecordEntry[]): Promise<void> {
    await this.#inner.write(entries);
    for (const entry of entries) {
      if (entry.kind === 'finding') {
        countFinding(this.summary, entry.finding);
        if (tripsFailOn(entry.finding, this.#failOn)) this.failing += 1;
      } else if (entry.kind === 'ignored') countIgnored(this.summary, entry.reason);
      else if (entry.kind === 'invalid-event') this.summary.invalid += 1;
    }
  }
}

export { CountingRecordSink };
