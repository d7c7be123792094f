import * as z from 'zod/mini';
import './zod-english.ts';

/** Bucket naming rules, in short: 3–63 lower-case letters, digits, dots and hyphens. */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * An archive location in S3: `s3://bucket`, `s3://bucket/folder` (with or without the trailing
 * slash) or `s3://bucket/key` of one object; the scan tells which by asking S3.
 * @example "s3://org-trail-logs/AWSLogs/o-a1b2c3d4e5/111122223333/CloudTrail/"
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
 */
const S3UrlSchema = z.pipe(
  z.string().check(z.startsWith('s3://', { error: 'expected s3://bucket/prefix' })),
  z.transform((url, ctx) => {
    const [bucket = '', ...rest] = url.slice('s3://'.length).split('/');
    if (!BUCKET.test(bucket)) {
      ctx.issues.push({ code: 'custom', message: `"${bucket}" is not an S3 bucket name`, input: url });
      return z.NEVER;
    }
    return { bucket, key: rest.join('/') };
  }),
);

type S3Url = z.infer<typeof S3UrlSchema>;

const isS3Url = (path: string): boolean => path.startsWith('s3://');

export { S3UrlSchema, isS3Url };
export type { S3Url };
