import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import { FindingSchema } from '../../schemas/finding.ts';
import { rootRecord, scratchDir, writeLogFile } from '../helpers/archive.ts';

// The reproducers of the adversarial review (issue 15) that live in an archive: whoever can write
// one object into a trail bucket must not blind the hunt. Each object below once hung the scan,
// killed a worker with the objects queued to it, or filled memory; now each is reported (or read),
// and every other object's findings come out, with the same verdict from the workers and from the
// main thread (--workers 0).

const DAY = 'AWSLogs/111122223333/CloudTrail/eu-west-1/2025/03/01';

/** A root record of its own: its own event and access key (nothing groups it with another). */
const record = (id: string, extra: Record<string, unknown> = {}) => {
  const value = rootRecord('access-key/root-access-key-put-bucket-policy.json', {
    eventID: id,
    eventTime: '2025-03-01T12:00:00Z',
    account: '111122223333',
  });
  return { ...value, ...extra };
};

/** `{"a":{"a":…1…}}`, `depth` levels, as text (building it as an object would recurse). */
const nestedText = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** A log file whose one root record carries `requestParameters` nested `depth` levels deep. */
const deepLogFile = (id: string, depth: number) =>
  gzipSync(
    JSON.stringify({ Records: [record(id)] }).replace(
      '"requestParameters":',
      `"requestParameters":${nestedText(depth)},"original":`,
    ),
  );

/** The hostile archive: good log files around every object of the review, in one day folder. */
const hostileArchive = () => {
  const dir = scratchDir('hostile');
  const day = join(dir, DAY);
  mkdirSync(day, { recursive: true });
  const put = (name: string, content: string | Buffer) => writeFileSync(join(day, name), content);
  for (const index of [1, 3, 5, 7, 9])
    writeLogFile(join(day, `good-${index}.json.gz`), [record(`good-${index}`)]);
  // Nested some 2,000 levels (a 10 kB file): its reply once failed to deserialize and the scan hung.
  put('deep-2000.json.gz', deepLogFile('deep-2000', 2_000));
  // 100,000 levels: the worker died, failing every object queued to it; two of them lost the scan.
  put('deep-100000-a.json.gz', deepLogFile('deep-100000-a', 100_000));
  put('deep-100000-b.json.gz', deepLogFile('deep-100000-b', 100_000));
  // Six bytes holding the root marker: the record-span scan read past the end and killed the worker.
  put('tiny.json', '"Root"');
  // 64 MB of spaces in 64 kB of gzip, read with a 4 MiB limit.
  put('bomb.json.gz', gzipSync(Buffer.alloc(64 * 2 ** 20, 0x20)));
  execFileSync('mkfifo', [join(day, 'fifo.json')]);
  symlinkSync('/dev/zero', join(day, 'zero.json'));
  symlinkSync(join(day, 'nowhere.json'), join(day, 'dangling.json'));
  symlinkSync(join(day, 'loop.json'), join(day, 'loop.json'));
  symlinkSync(dir, join(day, 'back-to-the-top'));
  return { dir, day };
};

const run = async (...argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return {
    code,
    eventIds: out.map((line) => FindingSchema.parse(JSON.parse(line)).eventId).sort(),
    problems: err.filter((line) => line.startsWith('unreadable input: ')).sort(),
  };
};

/** What every reader says of the hostile archive: the findings of every record, and each object at fault. */
const expected = (day: string) => {
  const at = (name: string) => `unreadable input: ${join(day, name)}`;
  return {
    code: 2,
    // Deep records are records like any other: read, as classify reads them.
    eventIds: [
      'deep-2000',
      'deep-100000-a',
      'deep-100000-b',
      'good-1',
      'good-3',
      'good-5',
      'good-7',
      'good-9',
    ].sort(),
    problems: [
      `${at('back-to-the-top')}: symbolic link to a folder: not followed (name its target on the command line to read it)`,
      `${at('bomb.json.gz')}: gzip: decompresses to over the 4 MiB limit per object (--max-object-mb)`,
      `${at('dangling.json')}: dangling symbolic link: its target does not exist (fix or remove the link)`,
      `${at('fifo.json')}: a FIFO (named pipe), not a regular file: skipped (rootwatch reads regular files only)`,
      `${at('loop.json')}: symbolic link loop: the link leads back to itself (fix or remove the link)`,
      `${at('tiny.json')}: not JSON records: it starts with "\\"Root\\""`,
      `${at('zero.json')}: a character device, not a regular file: skipped (rootwatch reads regular files only)`,
    ].sort(),
  };
};

describe('CLI: rootwatch scan of a hostile archive', () => {
  it.each([{ workers: '2' }, { workers: '1' }, { workers: '0' }])(
    'reports each hostile object with its reason and every other finding, with $workers workers',
    async ({ workers }) => {
      // Prepare
      const { dir, day } = hostileArchive();
      const summary = join(scratchDir('summary'), 'summary.json');

      // Act
      const result = await run(
        'scan',
        '--json',
        '--summary',
        summary,
        '--workers',
        workers,
        '--max-object-mb',
        '4',
        dir,
      );

      // Assess
      expect(result).toStrictEqual(expected(day));
    },
  );

  it('gives the verdict classify gives on the same folder', async () => {
    // Prepare
    const { dir, day } = hostileArchive();

    // Act
    const result = await run('classify', '--json', '--max-object-mb', '4', dir);

    // Assess
    expect(result).toStrictEqual(expected(day));
  });
});
