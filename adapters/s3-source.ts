import type { S3Client } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import { archiveReadSettings } from './archive-reads.ts';
import { overLimit } from '../scan/documents/read-limits.ts';
import { readCapped } from '../scan/sources/read-stream.ts';
import { listFolder } from '../scan/sources/folder-listing.ts';
import type { ObjectSource, SourceEntry } from '../scan/sources/object-source.ts';

/**
 * The SDK, imported when an S3 source is opened: it costs most of a local scan's start-up. A
 * package, not one of our `.ts` modules, so that the import works in the workers' CommonJS hook too.
 */
const loadSdk = () => import('@aws-sdk/client-s3');

/**
 * The S3 client for archive reads (`archiveReadSettings`). Region and endpoint are the SDK's own
 * settings (`AWS_REGION`, `AWS_ENDPOINT_URL`/`AWS_ENDPOINT_URL_S3`, profiles), so tests point the
 * real SDK at a local S3 server; without a Region, us-east-1, and a bucket elsewhere is followed.
 */
const s3Client = async (env: Record<string, string | undefined> = process.env): Promise<S3Client> => {
  const { S3Client } = await loadSdk();
  return new S3Client({
    ...archiveReadSettings(env),
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1',
  });
};

/**
 * An S3 bucket, folder by folder (see `listFolder`): the path filter prunes account, Region and
 * date folders before they are listed, so a scan of the last days of a years-old organisation
 * trail lists the days it reads, not the years it skips. Objects are read whole, one per worker
 * slot, up to the size limit: a larger one is refused by its ContentLength, or stopped once its
 * body passes the limit. `pageSize`: keys a page (S3's most is 1,000).
 */
const s3Source = async (
  bucket: string,
  options: { client?: S3Client; pageSize?: number } = {},
): Promise<ObjectSource> => {
  const { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command } = await loadSdk();
  const s3 = options.client ?? (await s3Client());
  return {
    descriptor: { kind: 's3', bucket },
    list: (folder) =>
      listFolder(
        (request) => s3.send(new ListObjectsV2Command({ Bucket: bucket, ...request })),
        folder && !folder.endsWith('/') ? `${folder}/` : folder,
        options.pageSize ? { pageSize: options.pageSize } : {},
      ),
    async stat(key): Promise<SourceEntry> {
      if (key === '' || key.endsWith('/')) return { kind: 'folder', key: key.replace(/\/$/, '') };
      try {
        const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return { kind: 'object', key, size: head.ContentLength ?? 0 };
      } catch (error) {
        if ((error as { name?: string }).name !== 'NotFound') throw error;
      }
      // Not an object: a prefix, if any key is under it.
      const under = await s3.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: `${key}/`, MaxKeys: 1 }),
      );
      if (!under.KeyCount) throw new Error(`no object or prefix s3://${bucket}/${key}`);
      return { kind: 'folder', key };
    },
    async read(key, limits) {
      const response = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      if (!response.Body) throw new Error('empty response body');
      // In Node the body is the response stream: destroying it drops the rest of the transfer.
      const body = response.Body as unknown as Readable;
      const stop = () => body.destroy();
      if ((response.ContentLength ?? 0) > limits.maxObjectBytes) {
        stop();
        throw new Error(`${response.ContentLength} bytes, ${overLimit(limits)}: skipped`);
      }
      return readCapped(body, limits, stop);
    },
    locate: (key) => `s3://${bucket}/${key}`,
  };
};

export { s3Source, s3Client };
