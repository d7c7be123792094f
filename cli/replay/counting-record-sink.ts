import type { FindingSummary } from '../../findings/finding-summary.ts';
import { countFinding, countIgnored } from '../../findings/finding-summary.ts';
import type { RecordEntry } from '../../schemas/record-entry.ts';
import type { RecordSink } from '../../adapters/record-sink.ts';

/** Passes entries on to another sink and counts them for the closing summary. */
class CountingRecordSink implements RecordSink {
  readonly summary: FindingSummary;
  readonly #inner: RecordSink;

  constructor(inner: RecordSink, summary: FindingSummary) {
    this.#inner = inner;
    this.summary = summary;
  }

  async write(entries: readonly RecordEntry[]): Promise<void> {
    await this.#inner.write(entries);
    for (const entry of entries) {
      if (entry.kind === 'finding') countFinding(this.summary, entry.finding);
      else if (entry.kind === 'ignored') countIgnored(this.summary, entry.reason);
      else if (entry.kind === 'invalid-event') this.summary.invalid += 1;
    }
  }
}

export { CountingRecordSink };
