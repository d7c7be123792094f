import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { S3Client, ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-s3';
import type { InitializeHandler, InitializeHandlerArguments } from '@smithy/types';
import { join, relative } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/main.ts';
import { DetectorConfigSchema } from '../../schemas/detector-config.ts';
import { FindingSchema } from '../../schemas/finding.ts';
import { archiveDetector } from '../../scan/archive-detector.ts';
import { scanArchive } from '../../scan/scan-archive.ts';
import { s3Client, s3Source } from '../../adapters/s3-source.ts';
import { trailClient } from '../../handlers/completeness/aws-deps.ts';
import { sourceCache } from '../../adapters/archive-sources.ts';
import { inlineScanner } from '../../scan/workers/inline-scanner.ts';
import { copyInvictus, readLogFile, rootRecord, writeLogFile } from '../helpers/archive.ts';
import type { LocalS3 } from '../helpers/s3-server.ts';
import { fillBucket, startLocalS3 } from '../helpers/s3-server.ts';

const BUCKET = 'org-trail-logs';
let s3: LocalS3;

beforeAll(async () => {
  // Prepare: the invictus archive with one root record, under an organisation trail's prefix.
  const archive = copyInvictus();
  const target = archive.files[10]!;
  writeLogFile(target, [
    ...readLogFile(target),
    rootRecord('access-key/root-access-key-put-bucket-policy.json', {
      eventID: 'root-key-s3',
      eventTime: '2023-07-10T12:10:00Z',
      account: '123837392027',
    }),
  ]);
  s3 = await startLocalS3();
  await fillBucket(
    s3,
    BUCKET,
    archive.files.map(
      (file) =>
        [`AWSLogs/o-abcdef1234/${relative(join(archive.dir, 'AWSLogs'), file)}`, readFileSync(file)] as const,
    ),
  );
}, 60_000);

afterAll(async () => {
  await s3?.stop();
});

afterEach(() => {
  vi.unstubAllEnvs();
});

const stubS3Env = () => {
  for (const [name, value] of Object.entries(s3.env)) vi.stubEnv(name, value);
};

describe('Source: S3 (against a local S3 server)', () => {
  it('scans s3://bucket/prefix with the real SDK from the environment, in worker threads', async () => {
    // Prepare
    stubS3Env();
    const out: string[] = [];
    const err: string[] = [];

    // Act
    const code = await main(['scan', '--json', `s3://${BUCKET}/AWSLogs/`], {
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    });

    // Assess
    expect({
      code,
      err: err.filter((line) => !line.startsWith('Scanned') && !line.startsWith('Findings')),
    }).toMatchObject({
      code: 0,
    });
    expect(out.map((line) => FindingSchema.parse(JSON.parse(line)).eventId)).toStrictEqual(['root-key-s3']);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(
      /^Scanned 55 objects \(421\.2 kB stored, 3\.7 MB of JSON\), 55 holding CloudTrail records, 1 with a root marker, 1 records parsed;/,
    );
  });

  it('lists folder by folder and page by page, never listing a folder the path filter prunes', async () => {
    // Prepare
    stubS3Env();
    const client = await s3Client();
    const prefixes: string[] = [];
    client.middlewareStack.add(
      (next) => async (args) => {
        prefixes.push(String((args.input as { Prefix?: string }).Prefix));
        return next(args);
      },
      { step: 'initialize' },
    );
    const source = await s3Source(BUCKET, { client, pageSize: 4 });
    const day = 'AWSLogs/o-abcdef1234/218007301253/CloudTrail/us-east-1/2023/07/10/';
    const found: string[] = [];
    const scan = (key: string, filters: { accounts: string[]; since?: number }) =>
      scanArchive(
        {
          roots: [{ source, key }],
          filters: { regions: [], ...filters },
          detector: archiveDetector(DetectorConfigSchema.parse({}), { regions: [], ...filters }),
          scanner: inlineScanner(sourceCache()),
        },
        { finding: (finding) => found.push(finding.eventId), unreadable: () => {}, invalid: () => {} },
      );

    // Act
    const pruned = await scan('AWSLogs', {
      accounts: ['218007301253'],
      since: Date.parse('2023-07-12T00:00:00Z'),
    });
    const prunedPrefixes = prefixes.splice(0);
    const all = await scan('AWSLogs/o-abcdef1234/', { accounts: [] });

    // Assess
    expect(pruned).toMatchObject({ objectsListed: 0, objectsScanned: 0, foldersPruned: 1, objectsPruned: 0 });
    expect(prunedPrefixes.filter((prefix) => prefix.startsWith(day))).toStrictEqual([]);
    expect(all).toMatchObject({ objectsListed: 55, objectsScanned: 55, objectsWithMarker: 1 });
    // 55 keys, 4 a page: the day folder is read in 14 pages.
    expect(prefixes.filter((prefix) => prefix === day)).toHaveLength(14);
    expect(found).toStrictEqual(['root-key-s3']);
  });

  describe('a listing page that fails', () => {
    const FLAKY = 'flaky-trail';
    const folder = (account: string) => `AWSLogs/${account}/CloudTrail/us-east-1/2023/07/10`;
    beforeAll(async () => {
      // Two account folders, each with a root record: the first one's listing fails.
      const logFile = (id: string, account: string) =>
        gzipSync(
          JSON.stringify({
            Records: [
              rootRecord('access-key/root-access-key-put-bucket-policy.json', {
                eventID: id,
                eventTime: '2023-07-10T12:00:00Z',
                account,
              }),
            ],
          }),
        );
      await fillBucket(s3, FLAKY, [
        [`${folder('111111111111')}/first.json.gz`, logFile('root-in-first', '111111111111')],
        [`${folder('218007301253')}/second.json.gz`, logFile('root-in-second', '218007301253')],
        // For the size limit: 2 MiB stored, and 8 MiB in 8 kB of gzip, beside a good object.
        ['large/plain.json', Buffer.from(`[${' '.repeat(2 * 2 ** 20)}]`)],
        ['large/bomb.json.gz', gzipSync(Buffer.alloc(8 * 2 ** 20, 0x20))],
        ['large/good.json.gz', logFile('root-beside-large', '218007301253')],
      ]);
    });

    /** A scan of the bucket whose client fails the listings of the first account's folder, as `fail` says. */
    const scanFlaky = async (fail: (client: S3Client, prefix: string) => void) => {
      stubS3Env();
      const client = await s3Client();
      fail(client, 'AWSLogs/111111111111/');
      const found: string[] = [];
      const problems: string[] = [];
      await scanArchive(
        {
          roots: [{ source: await s3Source(FLAKY, { client }), key: 'AWSLogs' }],
          filters: { accounts: [], regions: [] },
          detector: archiveDetector(DetectorConfigSchema.parse({}), { accounts: [], regions: [] }),
          scanner: inlineScanner(sourceCache()),
        },
        {
          finding: (finding) => found.push(finding.eventId),
          unreadable: (position, reason) => problems.push(`${position.file}: ${reason}`),
          invalid: () => {},
        },
      );
      return { found: found.sort(), problems };
    };

    it('refuses an object over the size limit by its length, and a gzip bomb once it passes it, in the workers', async () => {
      // Prepare
      stubS3Env();
      const out: string[] = [];
      const err: string[] = [];

      // Act
      const code = await main(['scan', '--json', '--max-object-mb', '1', `s3://${FLAKY}/large/`], {
        out: (line) => out.push(line),
        err: (line) => err.push(line),
      });

      // Assess
      expect({
        code,
        found: out.map((line) => FindingSchema.parse(JSON.parse(line)).eventId),
        problems: err.filter((line) => line.startsWith('unreadable input: ')).sort(),
      }).toStrictEqual({
        code: 2,
        found: ['root-beside-large'],
        problems: [
          `unreadable input: s3://${FLAKY}/large/bomb.json.gz: gzip: decompresses to over the 1 MiB limit per object (--max-object-mb)`,
          `unreadable input: s3://${FLAKY}/large/plain.json: ${2 * 2 ** 20 + 2} bytes, over the 1 MiB limit per object (--max-object-mb): skipped`,
        ],
      });
    });

    it('is reported with its folder, and the folders after it are still scanned', async () => {
      // Act: every attempt at the folder is denied.
      const result = await scanFlaky((client, prefix) =>
        client.middlewareStack.add(
          (next) => async (args) => {
            if ((args.input as { Prefix?: string }).Prefix === prefix)
              throw Object.assign(new Error('Access Denied'), { name: 'AccessDenied' });
            return next(args);
          },
          { step: 'initialize' },
        ),
      );

      // Assess
      expect(result).toStrictEqual({
        found: ['root-in-second'],
        problems: [`s3://${FLAKY}/AWSLogs/111111111111: cannot list this folder: Access Denied`],
      });
    });

    it('is retried by the client first: one that fails once loses nothing', async () => {
      // Act: the first attempt at the folder fails as S3 fails when it is briefly unavailable.
      let failures = 0;
      const result = await scanFlaky((client, prefix) =>
        client.middlewareStack.addRelativeTo(
          (next: InitializeHandler<ServiceInputTypes, ServiceOutputTypes>) =>
            async (args: InitializeHandlerArguments<ServiceInputTypes>) => {
              if ((args.input as { Prefix?: string }).Prefix === prefix && failures === 0) {
                failures += 1;
                throw Object.assign(new Error('Service Unavailable'), {
                  name: 'ServiceUnavailable',
                  $metadata: { httpStatusCode: 503 },
                });
              }
              return next(args);
            },
          { relation: 'after', toMiddleware: 'retryMiddleware' },
        ),
      );

      // Assess
      expect({ ...result, failures }).toStrictEqual({
        found: ['root-in-first', 'root-in-second'],
        problems: [],
        failures: 1,
      });
    });
  });

  it('reads one object by its key, and reports a missing one with its s3:// location', async () => {
    // Prepare
    stubS3Env();
    const key = `AWSLogs/o-abcdef1234/218007301253/CloudTrail/us-east-1/2023/07/10/${readLogFileName()}`;
    const out: string[] = [];
    const err: string[] = [];

    // Act
    const code = await main(
      ['scan', '--json', '--workers', '0', `s3://${BUCKET}/${key}`, `s3://${BUCKET}/AWSLogs/nothing.json.gz`],
      {
        out: (line) => out.push(line),
        err: (line) => err.push(line),
      },
    );

    // Assess
    expect(code).toBe(2);
    expect(out).toHaveLength(1);
    expect(err[0]).toBe(
      `unreadable input: s3://${BUCKET}/AWSLogs/nothing.json.gz: no object or prefix s3://${BUCKET}/AWSLogs/nothing.json.gz`,
    );
    expect(err[1]).toMatch(/^Scanned 1 objects/);
  });
});

/** The name of the invictus file that holds the injected root record (the 11th, sorted). */
const readLogFileName = () => copyInvictus().files[10]!.split('/').pop()!;

describe('Scan: the S3 clients that read archives', () => {
  it.each([
    { reader: 'rootwatch scan', client: () => s3Client({}), pathStyle: false },
    {
      reader: 'rootwatch scan, local endpoint',
      client: () => s3Client({ AWS_ENDPOINT_URL: 'http://127.0.0.1:1' }),
      pathStyle: true,
    },
    {
      reader: 'the completeness function',
      client: async () => trailClient({ AWS_REGION: 'eu-west-1' }),
      pathStyle: false,
    },
    {
      reader: 'the completeness function, local S3 endpoint',
      client: async () => trailClient({ AWS_REGION: 'eu-west-1', AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:1' }),
      pathStyle: true,
    },
  ])(
    'are set up alike: $reader follows a bucket in another Region and retries',
    async ({ client, pathStyle }) => {
      // Act
      const { config } = await client();

      // Assess
      expect({
        followRegionRedirects: config.followRegionRedirects,
        forcePathStyle: config.forcePathStyle,
        maxAttempts: await config.maxAttempts(),
        responseChecksumValidation: await config.responseChecksumValidation(),
      }).toStrictEqual({
        followRegionRedirects: true,
        forcePathStyle: pathStyle,
        maxAttempts: 4,
        responseChecksumValidation: 'WHEN_REQUIRED',
      });
    },
  );
});
