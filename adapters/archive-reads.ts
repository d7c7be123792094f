import type { S3ClientConfig } from '@aws-sdk/client-s3';

/**
 * How every S3 client that reads a CloudTrail archive is set up, the scan command's and the
 * completeness function's: the SDK's own retries with timeouts (archive reads are not behind
 * adapters/retry.ts); a bucket in another Region followed (an organisation trail's bucket is rarely in
 * the reader's Region); path-style addressing for a custom endpoint (local S3 servers resolve no
 * `bucket.localhost` hosts); and no response checksums that local servers do not send (archives
 * are read, never written).
 */
const archiveReadSettings = (env: Record<string, string | undefined>): S3ClientConfig => ({
  maxAttempts: 4,
  // `throwOnRequestTimeout`: without it the request timeout only logs a warning and the read waits
  // for ever on a server that accepts and never answers; `socketTimeout` ends a body that stalls.
  requestHandler: {
    requestTimeout: 20_000,
    connectionTimeout: 2_000,
    socketTimeout: 20_000,
    throwOnRequestTimeout: true,
  },
  followRegionRedirects: true,
  forcePathStyle: Boolean(env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL),
  responseChecksumValidation: 'WHEN_REQUIRED',
});

export { archiveReadSettings };
