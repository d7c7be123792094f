import type { ReadLimits } from '../documents/read-limits.ts';
import type { ReadBuffer } from './read-buffer.ts';

/**
 * An entry of a folder: a sub-folder, an object with its stored size when listing tells it (S3),
 * or an entry that is neither and is not read, with why (a symbolic link to a folder).
 */
type SourceEntry =
  | { kind: 'folder'; key: string }
  | { kind: 'object'; key: string; size?: number | undefined }
  | { kind: 'skipped'; key: string; reason: string };

/**
 * Where archive objects live: a local file tree or an S3 bucket. Keys are file paths or S3 keys,
 * folders end without a slash. Only listing and reading, so that the same scan runs on both, and
 * in a worker thread that rebuilds its source from a `SourceDescriptor`.
 */
interface ObjectSource {
  readonly descriptor: SourceDescriptor;
  /** What is directly under `folder` (paginated underneath, streamed here). */
  list(folder: string): AsyncIterable<SourceEntry>;
  /** What `key` is: an object, a folder, or missing (throws, as a read would). */
  stat(key: string): Promise<SourceEntry>;
  /**
   * The object's stored bytes (gzip or not, as stored); one over the size limit, or that is not a
   * regular file, is refused before it is read (throws, saying why). A source that reads into
   * memory of its own choosing (a local file) leases it from `into`; the caller releases it.
   */
  read(key: string, limits: ReadLimits, into?: ReadBuffer): Promise<Buffer>;
  /** How messages name `key`: a path, or `s3://bucket/key`. */
  locate(key: string): string;
}

/** Enough to open the same source again in another thread. */
type SourceDescriptor = { kind: 'local' } | { kind: 's3'; bucket: string };

export type { ObjectSource, SourceDescriptor, SourceEntry };
