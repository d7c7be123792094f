import type { RecordEntry } from '../schemas/record-entry.ts';

/** Where every delivered event leaves its trace: CloudWatch Logs in AWS, a JSON Lines file locally. */
interface RecordSink {
  /** Resolves once every entry is stored; rejects if any could not be. */
  write(entries: readonly RecordEntry[]): Promise<void>;
}

export type { RecordSink };
