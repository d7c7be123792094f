// The read limits' numbers, without zod: the scan worker imports them, and loading zod (some
// 100 KB of code) would cost every worker's start.

/**
 * The largest object read, stored or decompressed, in MiB (`--max-object-mb`): 256. AWS documents
 * no size for a CloudTrail log file (a record is at most 256 KB: docs/cli.md). The real archive of
 * the tests averages 67 kB of JSON a file, 8.8 times its gzip; the largest file we found reported
 * is 5.3 MB of gzip (logstash-plugins/logstash-codec-cloudtrail#21), some 47 MB of JSON at that
 * ratio: the default is 5 times that. It also stays under V8's longest string (2^29 - 24
 * characters), so that any object read can be decoded as one string.
 */
const DEFAULT_MAX_OBJECT_MB = 256;
/** The most `--max-object-mb` takes: each worker may hold one object of it, and its text. */
const MAX_OBJECT_MB = 1024;

/**
 * How long one object may take to read and scan, in seconds (`--object-timeout`), before its worker
 * is stopped: far above a real object (a CloudTrail file scans in milliseconds; an S3 read that
 * uses up the client's 4 attempts with their 20 s request timeout takes some 80 s), so that only a
 * hung read or a runaway scan reaches it.
 */
const DEFAULT_OBJECT_TIMEOUT_SECONDS = 300;

export { DEFAULT_MAX_OBJECT_MB, MAX_OBJECT_MB, DEFAULT_OBJECT_TIMEOUT_SECONDS };
