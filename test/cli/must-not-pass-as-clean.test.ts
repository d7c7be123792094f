import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { INVICTUS, INVICTUS_DAY, scratchDir } from '../helpers/archive.ts';
import { EVENTS_DIR, REPO_ROOT } from '../helpers/paths.ts';
import { runCli } from '../helpers/run-cli.ts';
import type { LocalS3 } from '../helpers/s3-server.ts';
import { fillBucket, startLocalS3 } from '../helpers/s3-server.ts';

/**
 * Inputs that must not pass as clean: for each, the command, the exit code and the one line that
 * names the input. A security tool's worst answer is "nothing found" about something it never read.
 * (Unreadable files, empty files and gzip of text are in unreadable-inputs.test.ts.)
 */
const BUCKET = 'org-trail-clean';
const dir = scratchDir('must-not-pass');
const at = (...parts: string[]) => join(dir, ...parts);
const event = (file: string) => join(EVENTS_DIR, file);
const NO_MFA_LOGIN = event('sign-in/root-console-login-without-mfa.json'); // critical
const FAILED_LOGIN = event('sign-in/root-console-login-failed.json'); // medium
const NON_ROOT = event('negatives/iam-user-put-bucket-policy.json');
const NOT_A_RECORD =
  'not a CloudTrail record, EventBridge envelope or log file: it has none of eventVersion, eventTime, eventSource, eventName';

const write = (file: string, content: unknown) => {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
};
mkdirSync(at('empty'));
write(at('other', 'README.txt'), 'not an input file');
write(at('shape', 'a.json'), { a: 1 });
write(at('stub', 'b.json'), { Records: [{ foo: 1 }] });
write(at('none', 'c.json'), { Records: [] });
write(at('ec2', 'state.json'), {
  version: '0',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  detail: { 'instance-id': 'i-0123456789abcdef0', state: 'running' },
});
write(at('mixed', '1-login.json'), readFileSync(NO_MFA_LOGIN, 'utf8'));
write(at('mixed', '2-shape.json'), { a: 1 });
write(at('suppressions.json'), {
  version: 1,
  rules: [
    {
      id: 'break-glass-1',
      reason: 'CHG-1: break-glass test',
      expires: '2027-06-30T00:00:00Z', // after the command clock (test/helpers/run-cli.ts)
      match: { accounts: ['111122223333'] },
      critical: ['sign-in-without-mfa'],
    },
  ],
});

interface Row {
  name: string;
  argv: () => string[];
  code: 0 | 1 | 2;
  /** The start of a stderr line that must be there (none: stderr must name no problem). */
  line?: () => string;
  s3?: boolean;
  /** Needs the injected clock (a suppression's expiry): not run from the package bin. */
  clock?: boolean;
}

const ROWS: Row[] = [
  // Empty folders, and folders of other files.
  {
    name: 'classify: an empty folder',
    argv: () => ['classify', at('empty')],
    code: 2,
    line: () => `rootwatch classify: ${at('empty')}: no CloudTrail record in it`,
  },
  {
    name: 'scan: an empty folder',
    argv: () => ['scan', at('empty')],
    code: 2,
    line: () => `rootwatch scan: ${at('empty')}: no CloudTrail log files there`,
  },
  {
    name: 'audit: an empty folder',
    argv: () => ['audit', at('empty')],
    code: 2,
    line: () => `rootwatch audit: ${at('empty')}: no credential report in it`,
  },
  {
    name: 'replay: an empty folder',
    argv: () => ['replay', at('empty')],
    code: 2,
    line: () => `rootwatch replay: ${at('empty')}: no CloudTrail record in it`,
  },
  {
    name: 'classify: a folder of other files',
    argv: () => ['classify', at('other')],
    code: 2,
    line: () => `rootwatch classify: ${at('other')}: no CloudTrail record in it`,
  },
  {
    name: 'scan: a folder of other files',
    argv: () => ['scan', at('other')],
    code: 2,
    line: () => `rootwatch scan: ${at('other')}: no CloudTrail log files there`,
  },
  {
    name: 'audit: a folder of other files',
    argv: () => ['audit', at('other')],
    code: 2,
    line: () => `rootwatch audit: ${at('other')}: no credential report in it`,
  },
  {
    name: 'replay: a folder of other files',
    argv: () => ['replay', at('other')],
    code: 2,
    line: () => `rootwatch replay: ${at('other')}: no CloudTrail record in it`,
  },
  // The wrong JSON shape.
  {
    name: 'classify: {"a":1}',
    argv: () => ['classify', at('shape', 'a.json')],
    code: 2,
    line: () => `invalid input: ${at('shape', 'a.json')}: (root): ${NOT_A_RECORD}`,
  },
  {
    name: 'scan: {"a":1}',
    argv: () => ['scan', at('shape')],
    code: 2,
    line: () => `invalid input: ${at('shape', 'a.json')}: (root): ${NOT_A_RECORD}`,
  },
  {
    name: 'scan: only objects without a record',
    argv: () => ['scan', at('shape')],
    code: 2,
    line: () =>
      `rootwatch scan: no CloudTrail record read from the one object under ${at('shape')} (each is reported above)`,
  },
  {
    name: 'replay: {"a":1}',
    argv: () => ['replay', at('shape', 'a.json')],
    code: 2,
    line: () => `invalid input: ${at('shape', 'a.json')}: (root): ${NOT_A_RECORD}`,
  },
  {
    name: 'audit: {"a":1} as a credential report',
    argv: () => ['audit', at('shape', 'a.json')],
    code: 2,
    line: () => `invalid input: ${at('shape', 'a.json')}: `,
  },
  {
    name: 'classify: {"Records":[{"foo":1}]}',
    argv: () => ['classify', at('stub', 'b.json')],
    code: 2,
    line: () => `invalid input: ${at('stub', 'b.json')}: record 0: (root): ${NOT_A_RECORD}`,
  },
  {
    name: 'scan: {"Records":[{"foo":1}]}',
    argv: () => ['scan', at('stub')],
    code: 2,
    line: () => `invalid input: ${at('stub', 'b.json')}: record 0: (root): ${NOT_A_RECORD}`,
  },
  {
    name: 'replay: {"Records":[{"foo":1}]}',
    argv: () => ['replay', at('stub', 'b.json')],
    code: 2,
    line: () => `invalid input: ${at('stub', 'b.json')}: record 0: (root): ${NOT_A_RECORD}`,
  },
  {
    name: 'classify: a log file with no records',
    argv: () => ['classify', at('none', 'c.json')],
    code: 2,
    line: () => `rootwatch classify: ${at('none', 'c.json')}: no CloudTrail record in it`,
  },
  {
    name: 'scan: a log file with no records',
    argv: () => ['scan', at('none')],
    code: 2,
    line: () => `unreadable input: ${at('none', 'c.json')}: holds no CloudTrail record`,
  },
  {
    name: 'replay: a log file with no records',
    argv: () => ['replay', at('none', 'c.json')],
    code: 2,
    line: () => `rootwatch replay: ${at('none', 'c.json')}: no CloudTrail record in it`,
  },
  {
    name: 'classify: an EventBridge event that is not CloudTrail',
    argv: () => ['classify', at('ec2', 'state.json')],
    code: 2,
    line: () => `invalid input: ${at('ec2', 'state.json')}: detail: not a CloudTrail record`,
  },
  {
    name: 'scan: an EventBridge event that is not CloudTrail',
    argv: () => ['scan', at('ec2')],
    code: 2,
    line: () => `invalid input: ${at('ec2', 'state.json')}: detail: not a CloudTrail record`,
  },
  {
    name: 'replay: an EventBridge event that is not CloudTrail',
    argv: () => ['replay', at('ec2', 'state.json')],
    code: 2,
    line: () => `invalid input: ${at('ec2', 'state.json')}: detail: not a CloudTrail record`,
  },
  // Filters that match nothing, and S3 prefixes with nothing under them.
  {
    name: 'scan: --since after the archive',
    argv: () => ['scan', '--since', '2031-01-01', INVICTUS],
    code: 2,
    line: () => `rootwatch scan: ${INVICTUS}: nothing matched --since 2031-01-01 (1 folder pruned`,
  },
  {
    name: 'scan: --until before the archive',
    argv: () => ['scan', '--until', '2020-01-01', INVICTUS],
    code: 2,
    line: () => `rootwatch scan: ${INVICTUS}: nothing matched --until 2020-01-01 (`,
  },
  {
    name: 'scan: --account of no folder',
    argv: () => ['scan', '--account', '999999999999', INVICTUS],
    code: 2,
    line: () => `rootwatch scan: ${INVICTUS}: nothing matched --account 999999999999 (`,
  },
  {
    name: 'scan: --region of no folder',
    argv: () => ['scan', '--region', 'eu-west-3', INVICTUS],
    code: 2,
    line: () => `rootwatch scan: ${INVICTUS}: nothing matched --region eu-west-3 (`,
  },
  {
    name: 'scan: an S3 prefix with no objects',
    argv: () => ['scan', `s3://${BUCKET}/nothing-here/`],
    code: 2,
    s3: true,
    line: () => `rootwatch scan: s3://${BUCKET}/nothing-here/: no CloudTrail log files there`,
  },
  {
    name: 'scan: an S3 prefix whose objects the filters prune',
    argv: () => ['scan', '--account', '999999999999', `s3://${BUCKET}/AWSLogs/`],
    code: 2,
    s3: true,
    line: () => `rootwatch scan: s3://${BUCKET}/AWSLogs/: nothing matched --account 999999999999 (`,
  },
  {
    name: 'scan: one empty path among good ones',
    argv: () => ['scan', INVICTUS, at('empty')],
    code: 2,
    line: () => `rootwatch scan: ${at('empty')}: no CloudTrail log files there`,
  },
  // Loses nothing else: the finding beside the bad input is still reported.
  {
    name: 'classify: {"a":1} beside a root sign-in, which still prints',
    argv: () => ['classify', '--json', at('mixed')],
    code: 2,
    line: () => `invalid input: ${at('mixed', '2-shape.json')}: (root): ${NOT_A_RECORD}`,
  },
  // --fail-on: 0/1/2, as classify.
  {
    name: 'scan --fail-on high: a critical finding',
    argv: () => ['scan', '--fail-on', 'high', NO_MFA_LOGIN],
    code: 1,
  },
  {
    name: 'replay --fail-on high: a critical finding',
    argv: () => ['replay', '--fail-on', 'high', NO_MFA_LOGIN],
    code: 1,
  },
  {
    name: 'classify --fail-on high: a critical finding',
    argv: () => ['classify', '--fail-on', 'high', NO_MFA_LOGIN],
    code: 1,
  },
  {
    name: 'scan --fail-on critical: a medium finding',
    argv: () => ['scan', '--fail-on', 'critical', FAILED_LOGIN],
    code: 0,
  },
  {
    name: 'replay --fail-on critical: a medium finding',
    argv: () => ['replay', '--fail-on', 'critical', FAILED_LOGIN],
    code: 0,
  },
  {
    name: 'scan --fail-on low: a finding and a wrong shape (2 wins)',
    argv: () => ['scan', '--fail-on', 'low', at('mixed')],
    code: 2,
    line: () => `invalid input: ${at('mixed', '2-shape.json')}: (root): ${NOT_A_RECORD}`,
  },
  {
    name: 'replay --fail-on low: a finding and a wrong shape (2 wins)',
    argv: () => ['replay', '--fail-on', 'low', at('mixed')],
    code: 2,
    line: () => `invalid input: ${at('mixed', '2-shape.json')}: (root): ${NOT_A_RECORD}`,
  },
  {
    name: 'scan --fail-on low: a suppressed finding does not count',
    argv: () => ['scan', '--fail-on', 'low', '--suppressions', at('suppressions.json'), NO_MFA_LOGIN],
    code: 0,
    clock: true,
  },
  {
    name: 'replay --fail-on low: a suppressed finding does not count',
    argv: () => ['replay', '--fail-on', 'low', '--suppressions', at('suppressions.json'), NO_MFA_LOGIN],
    code: 0,
    clock: true,
  },
  // What stays quiet: a real CloudTrail record that is not root's.
  {
    name: 'classify: a non-root CloudTrail record is a quiet no finding',
    argv: () => ['classify', NON_ROOT],
    code: 0,
  },
  {
    name: 'scan: a non-root CloudTrail record is a quiet no finding',
    argv: () => ['scan', NON_ROOT],
    code: 0,
  },
  {
    name: 'replay: a non-root CloudTrail record is a quiet no finding',
    argv: () => ['replay', NON_ROOT],
    code: 0,
  },
];

/**
 * The rows run again from the package bin: one for each command, exit code and source (local, S3),
 * since each start costs a process (the rows above run the same code in this one).
 */
const BIN_ROWS = ROWS.filter(
  (row, index) =>
    !row.clock &&
    ROWS.findIndex(
      (other) =>
        !other.clock &&
        other.argv()[0] === row.argv()[0] &&
        other.code === row.code &&
        !!other.s3 === !!row.s3,
    ) === index,
);

let s3: LocalS3;
beforeAll(async () => {
  s3 = await startLocalS3();
  const day = join(INVICTUS, INVICTUS_DAY);
  const [first] = readdirSync(day).sort();
  await fillBucket(s3, BUCKET, [
    [`AWSLogs/${INVICTUS_DAY.slice('AWSLogs/'.length)}/${first}`, readFileSync(join(day, first!))],
  ]);
}, 60_000);
afterAll(async () => {
  await s3?.stop();
});
afterEach(() => {
  vi.unstubAllEnvs();
});

/** Lines that name a problem: everything on stderr but the scan's closing summary and progress. */
const problemLines = (err: readonly string[]): string[] =>
  err.filter((line) => /^(rootwatch|invalid input|unreadable input|delivery failed)/.test(line));

describe('Inputs that must not pass as clean', () => {
  it.each(ROWS)('$name: exit $code', async ({ argv, code, line, s3: onS3 }) => {
    // Prepare
    if (onS3) for (const [name, value] of Object.entries(s3.env)) vi.stubEnv(name, value);

    // Act
    const result = await runCli(argv());

    // Assess
    expect(result.code).toBe(code);
    const problems = problemLines(result.err);
    if (line) {
      const expected = line();
      expect(
        problems.find((found) => found.startsWith(expected)),
        problems.join('\n'),
      ).toBeDefined();
    } else expect(problems).toStrictEqual([]);
    for (const found of problems) expect(found).not.toContain('\n');
  });

  it('still prints the finding beside an input that is not CloudTrail', async () => {
    // Act
    const { out } = await runCli(['classify', '--json', at('mixed')]);

    // Assess
    expect(out.map((line) => (JSON.parse(line) as { eventName: string }).eventName)).toStrictEqual([
      'ConsoleLogin',
    ]);
  });

  it.each(BIN_ROWS)('$name: the package bin exits $code', async ({ argv, code, s3: onS3 }) => {
    // Act
    const exit = await promisify(execFile)(
      process.execPath,
      [join(REPO_ROOT, 'dist/cli/rootwatch.mjs'), ...argv()],
      {
        env: { ...process.env, ...(onS3 ? s3.env : {}) },
      },
    ).then(
      () => 0,
      (error: { code: number }) => error.code,
    );

    // Assess
    expect(exit).toBe(code);
  });
});
