import type { S3Client } from '@aws-sdk/client-s3';
import type { ObjectSource, SourceEntry } from './object-source.ts';

/**
 * The SDK, imported when an S3 source is opened: it costs most of a local scan's start-up. A
 * package, not one of our `.ts` modules, so that the import works in the workers' CommonJS hook too.
 */
const loadSdk = () => import('@aws-sdk/client-s3');

/**
 * The S3 client for archive reads. Region and endpoint are the SDK's own settings (`AWS_REGION`,
 * `AWS_ENDPOINT_URL`/`AWS_ENDPOINT_URL_S3`, profiles), so tests point the real SDK at a local S3
 * server. A custom endpoint gets path-style addressing: local servers do not resolve
 * `bucket.localhost`-style hosts.
 */
const s3Client = async (env: Record<string, string | undefined> = process.env): Promise<S3Client> => {
  const { S3Client } = await loadSdk();
  const customEndpoint = Boolean(env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL);
  return new S3Client({
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1',
    forcePathStyle: customEndpoint,
    // Archives are read, never written; skip response checksums that local servers do not send.
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
};

/**
 * An S3 bucket, read folder by folder (`Delimiter: "/"`, so that pruned dates and accounts are
 * never even listed), every listing paginated (`pageSize` keys a page; S3's default is 1,000) and
 * streamed; objects are read whole (a CloudTrail object is a few MB at most), one per worker slot.
 */
const s3Source = async (
  bucket: string,
  options: { client?: S3Client; pageSize?: number } = {},
): Promise<ObjectSource> => {
  const { GetObjectCommand, HeadObjectCommand, paginateListObjectsV2 } = await loadSdk();
  const s3 = options.client ?? (await s3Client());
  return {
    descriptor: { kind: 's3', bucket },
    async *list(folder) {
      const prefix = folder && !folder.endsWith('/') ? `${folder}/` : folder;
      const pages = paginateListObjectsV2(
        { client: s3, ...(options.pageSize ? { pageSize: options.pageSize } : {}) },
        { Bucket: bucket, Prefix: prefix, Delimiter: '/' },
      );
      for await (const page of pages) {
        for (const common of page.CommonPrefixes ?? []) {
          if (common.Prefix) yield { kind: 'folder', key: common.Prefix.replace(/\/$/, '') };
        }
        for (const object of page.Contents ?? []) {
          if (object.Key && !object.Key.endsWith('/'))
            yield { kind: 'object', key: object.Key, size: object.Size ?? 0 };
        }
      }
    },
    async stat(key): Promise<SourceEntry> {
      if (key === '' || key.endsWith('/')) return { kind: 'folder', key: key.replace(/\/$/, '') };
      try {
        const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return { kind: 'object', key, size: head.ContentLength ?? 0 };
      } catch {
        // Not an object: a folder (listing it finds nothing if it is not one either).
        return { kind: 'folder', key };
      }
    },
    async read(key) {
      const response = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      if (!response.Body) throw new Error('empty response body');
      return Buffer.from(await response.Body.transformToByteArray());
    },
    locate: (key) => `s3://${bucket}/${key}`,
  };
};

export { s3Source, s3Client };
