import type { SourceDescriptor } from '../sources/object-source.ts';
import type { ObjectScan } from '../scan-object.ts';

/** Main thread → worker: scan the object `key` of a source. */
interface WorkerRequest {
  id: number;
  descriptor: SourceDescriptor;
  key: string;
}

/** Worker → main thread: the object's root-related records and problems (structured clone). */
interface WorkerReply {
  id: number;
  scan: ObjectScan;
}

export type { WorkerRequest, WorkerReply };
