import type { SourceDescriptor } from '../sources/object-source.ts';
import type { ObjectScan } from '../scan-object.ts';

/** Scans objects somewhere: in this thread, or in a pool of worker threads. */
interface ObjectScanner {
  scan(descriptor: SourceDescriptor, key: string): Promise<ObjectScan>;
  /** Objects this scanner can usefully have in flight at once. */
  readonly capacity: number;
  close(): Promise<void>;
}

export type { ObjectScanner };
