import type { RecordEntry } from '../schemas/record-entry.ts';

/** Where every delivered event leaves its trace: CloudWatch Logs in AWS, a JSON Lines file locally. */
interface RecordSink {
  /**
   * Resolves once every entry is stored; rejects if any could not be. `signal`: the caller's time
   * budget; once it fires no attempt is made or continued.
   */
  write(entries: readonly RecordEntry[], options?: { signal?: AbortSignal }): Promise<void>;
}

export type { RecordSink };
