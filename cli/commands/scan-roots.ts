import * as z from 'zod/mini';
import { isS3Url, S3UrlSchema } from '../../schemas/s3-url.ts';
import type { ScanRoot } from '../../scan/scan-archive.ts';
import { localSource } from '../../scan/sources/local-source.ts';
import { sourceCache } from '../../adapters/archive-sources.ts';

/** The sources behind command-line paths: local files and folders, and `s3://bucket/prefix` (one client per bucket). */
const scanRoots = async (paths: readonly string[]): Promise<ScanRoot[]> => {
  const local = localSource();
  const open = sourceCache();
  return Promise.all(
    paths.map(async (path) => {
      if (!isS3Url(path)) return { source: local, key: path };
      const parsed = S3UrlSchema.safeParse(path);
      if (!parsed.success) throw new Error(`${path}: ${z.prettifyError(parsed.error)}`);
      const { bucket, key } = parsed.data;
      return { source: await open({ kind: 's3', bucket }), key };
    }),
  );
};

export { scanRoots };
