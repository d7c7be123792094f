import * as z from 'zod/mini';
import { isS3Url, S3UrlSchema } from '../../schemas/s3-url.ts';
import type { ScanRoot } from '../../scan/scan-archive.ts';
import { localSource } from '../../scan/sources/local-source.ts';
import type { ObjectSource } from '../../scan/sources/object-source.ts';
import { s3Source } from '../../scan/sources/s3-source.ts';

/** The sources behind command-line paths: local files and folders, and `s3://bucket/prefix` (one client per bucket). */
const scanRoots = (paths: readonly string[]): ScanRoot[] => {
  const local = localSource();
  const buckets = new Map<string, ObjectSource>();
  return paths.map((path) => {
    if (!isS3Url(path)) return { source: local, key: path };
    const parsed = S3UrlSchema.safeParse(path);
    if (!parsed.success) throw new Error(`${path}: ${z.prettifyError(parsed.error)}`);
    const { bucket, key } = parsed.data;
    const source = buckets.get(bucket) ?? s3Source(bucket);
    buckets.set(bucket, source);
    return { source, key };
  });
};

export { scanRoots };
