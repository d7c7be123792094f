import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Finding } from '../../schemas/finding.ts';
import { describe, expect, it } from 'vitest';
import { FindingSchema } from '../../schemas/finding.ts';
import { ScanSummarySchema } from '../../schemas/scan-summary.ts';
import {
  copyInvictus,
  INVICTUS_DAY,
  readLogFile,
  rootRecord,
  scratchDir,
  writeLogFile,
} from '../helpers/archive.ts';
import { EVENTS_DIR, REPO_ROOT } from '../helpers/paths.ts';
import { sampleJson } from '../helpers/records.ts';
import { consoleSessionRecords } from '../helpers/console-session.ts';
import { OcsfDetectionFindingSchema } from '../../schemas/ocsf-detection-finding.ts';
import { runCli } from '../helpers/run-cli.ts';

/** Text as the report pages escape it. */
const escapeHtml = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

const run = (...argv: string[]) => runCli(argv);
const eventIds = (lines: readonly string[]) =>
  lines.map((line) => FindingSchema.parse(JSON.parse(line)).eventId).sort();
const readSummary = (file: string) => ScanSummarySchema.parse(JSON.parse(readFileSync(file, 'utf8')));

/** The invictus archive with a root access-key call and a root console sign-in injected into two of its files. */
const archiveWithRoot = () => {
  const archive = copyInvictus();
  const [first, second] = [archive.files[3]!, archive.files[40]!];
  const injected = [
    rootRecord('access-key/root-access-key-put-bucket-policy.json', {
      eventID: 'root-key-1',
      eventTime: '2023-07-10T12:01:00Z',
      account: '123837392027',
      region: 'us-east-1',
    }),
    rootRecord('sign-in/root-console-login-without-mfa.json', {
      eventID: 'root-login-1',
      eventTime: '2023-07-10T12:30:00Z',
      account: '123837392027',
    }),
  ];
  // In the middle of real records, so that the record scan has to find their boundaries.
  const firstRecords = readLogFile(first);
  writeLogFile(first, [...firstRecords.slice(0, 2), injected[0], ...firstRecords.slice(2)]);
  writeLogFile(second, [...readLogFile(second), injected[1]]);
  return archive;
};

describe('CLI: rootwatch scan', () => {
  it('finds the root records of a real S3-layout archive, parsing only the files with the root marker', async () => {
    // Prepare
    const { dir } = archiveWithRoot();
    const summaryFile = join(scratchDir('summary'), 'summary.json');

    // Act
    const { code, out, err } = await run('scan', '--json', '--summary', summaryFile, dir);

    // Assess
    expect({ code, err }).toStrictEqual({ code: 0, err: [] });
    expect(eventIds(out)).toStrictEqual(['root-key-1', 'root-login-1']);
    const summary = readSummary(summaryFile);
    expect(summary.inputs).toMatchObject({
      objectsListed: 55,
      objectsScanned: 55,
      objectsWithMarker: 2,
      objectsPruned: 0,
      unreadable: 0,
      invalidRecords: 0,
    });
    expect(summary.inputs.recordsParsed).toBe(2);
    expect(summary.findings).toMatchObject({ total: 2, bySeverity: { critical: 2 } });
    expect(summary.critical.total).toBe(2);
    expect(summary.critical.listed.map((finding) => finding.eventId).sort()).toStrictEqual([
      'root-key-1',
      'root-login-1',
    ]);
    expect(summary.scope).toMatchObject({
      sources: [dir],
      filters: { since: null, until: null, accounts: [], regions: [] },
    });
    expect([summary.scope.deliveryDays, summary.scope.findingTimes]).toStrictEqual([
      { first: '2023-07-10', last: '2023-07-10' },
      { first: '2023-07-10T12:01:00Z', last: '2023-07-10T12:30:00Z' },
    ]);
    expect(summary.fleet.weekly.weeks).toStrictEqual([
      {
        week: '2023-W28',
        start: '2023-07-10',
        accountsObserved: 2,
        accountsWithRootUse: 1,
        shareOfAccountsWithRootUse: 0.5,
        uses: 2,
      },
    ]);
  });

  it('reports per-account and fleet figures, and notes keys naming another account than the records', async () => {
    // Prepare
    const { dir } = archiveWithRoot();
    const summaryFile = join(scratchDir('summary'), 'summary.json');

    // Act
    await run('scan', '--json', '--workers', '0', '--summary', summaryFile, dir);

    // Assess
    const summary = readSummary(summaryFile);
    expect(
      summary.accounts.map(({ account, inArchiveKeys, uses, longTermKeyUses, signIns, weeks }) => ({
        account,
        inArchiveKeys,
        uses,
        longTermKeyUses,
        signIns,
        weeks,
      })),
    ).toStrictEqual([
      {
        account: '123837392027',
        inArchiveKeys: false,
        uses: 2,
        longTermKeyUses: 1,
        signIns: { withMfa: 0, withoutMfa: 1, mfaUnknown: 0, failed: 0 },
        weeks: 1,
      },
      {
        account: '218007301253',
        inArchiveKeys: true,
        uses: 0,
        longTermKeyUses: 0,
        signIns: { withMfa: 0, withoutMfa: 0, mfaUnknown: 0, failed: 0 },
        weeks: 0,
      },
    ]);
    expect(summary.fleet).toMatchObject({
      accountsInArchive: 2,
      accountsWithRootUse: 1,
      shareOfAccountsWithRootUse: 0.5,
      repeatOffenders: 0,
      repeatOffendersShareOfUses: 0,
      uses: 2,
      shareOfUsesByLongTermKey: 0.5,
      shareOfSignInsWithoutMfa: 1,
      usesPerWeek: [{ week: '2023-07-10', uses: 2 }],
    });
    expect(summary.notes).toStrictEqual([
      'S3 keys of account 218007301253 hold root records of account 123837392027: --account prunes folders by key and filters records by their own account, so name both to keep them',
    ]);
  });

  it('gives the same findings, problems and exit code as classify on the sample events (the same detector and contract)', async () => {
    // Act
    const scanned = await run(
      'scan',
      '--json',
      '--summary',
      join(scratchDir('summary'), 's.json'),
      EVENTS_DIR,
    );
    const classified = await run('classify', '--json', EVENTS_DIR);

    // Assess (whole findings, in a fixed order; scan also groups them into incidents, classify does not)
    const withoutIncident = (line: string) => {
      const { incident, ...finding } = JSON.parse(line) as Finding;
      expect(incident).toMatchObject({ id: expect.any(String), count: expect.any(Number) });
      return JSON.stringify(finding);
    };
    // A member's email changed by the organisation is no root record: scan's prefilter (scan/root-marker.ts)
    // skips it, classify reads every record.
    const rootRelated = (line: string) =>
      (JSON.parse(line) as Finding).activity !== 'member-root-email-change';
    expect(scanned.code).toBe(classified.code);
    expect(scanned.out.map(withoutIncident).sort()).toStrictEqual(classified.out.filter(rootRelated).sort());
    expect(classified.out.length - classified.out.filter(rootRelated).length).toBe(3);
    expect([...scanned.err].sort()).toStrictEqual([...classified.err].sort());
    expect(scanned.out.length).toBeGreaterThan(40);
  });

  it('recognises a centralized-root session whose AssumeRoot call is in a later object', async () => {
    // Prepare
    const dir = scratchDir('assume-root');
    const records = sampleJson('assumed-root/assume-root-task-delete-bucket-policy.log.json')
      .Records as Record<string, unknown>[];
    const call = records.find((record) => record.eventName === 'AssumeRoot');
    const rootEvent = records.find((record) => record.eventName !== 'AssumeRoot');
    writeLogFile(join(dir, 'a-member-account.json.gz'), [rootEvent]);
    writeLogFile(join(dir, 'b-management-account.json.gz'), [call]);

    // Act
    const { code, out } = await run('scan', '--json', dir);

    // Assess
    expect(code).toBe(0);
    expect(out.map((line) => JSON.parse(line))).toMatchObject([
      { eventName: 'AssumeRoot', credential: 'iam-principal', activity: 'root-task' },
      {
        eventName: 'DeleteBucketPolicy',
        credential: 'assumed-root',
        assumedRoot: { assumeRootEventId: call?.eventID },
      },
    ]);
  });

  it('reports corrupt and truncated gzip, invalid JSON and unreadable files with their paths, scans the rest, exits 2', async () => {
    // Prepare
    const { dir } = archiveWithRoot();
    const day = join(dir, INVICTUS_DAY);
    const good = gzipSync(JSON.stringify({ Records: [] }));
    writeFileSync(
      join(day, 'corrupt.json.gz'),
      Buffer.concat([good.subarray(0, 2), Buffer.from('not deflate at all')]),
    );
    writeFileSync(
      join(day, 'truncated.json.gz'),
      gzipSync(readFileSync(join(EVENTS_DIR, 'log-files/mixed-root-and-non-root.log.json'))).subarray(0, 200),
    );
    writeFileSync(
      join(day, 'bad-record.json'),
      '{"Records":[{"eventVersion":"1.08","userIdentity":{"type":"Root"},"eventTime":}]}',
    );
    writeFileSync(
      join(day, 'cut.json'),
      '{"Records":[{"userIdentity":{"type":"Root","arn":"arn:aws:iam::1:root',
    );
    symlinkSync(join(day, 'nowhere.json.gz'), join(day, 'dangling.json.gz'));
    const summaryFile = join(scratchDir('summary'), 'summary.json');
    const reportFile = join(scratchDir('report'), 'root.html');

    // Act
    const { code, out, err } = await run(
      'scan',
      '--json',
      '--summary',
      summaryFile,
      '--report',
      reportFile,
      dir,
    );

    // Assess
    expect(code).toBe(2);
    expect(eventIds(out)).toStrictEqual(['root-key-1', 'root-login-1']);
    expect([...err].sort()).toStrictEqual([
      `unreadable input: ${join(day, 'bad-record.json')}: record 0: invalid JSON: Unexpected token '}', ..."ventTime":}" is not valid JSON`,
      `unreadable input: ${join(day, 'corrupt.json.gz')}: gzip: unknown compression method`,
      `unreadable input: ${join(day, 'cut.json')}: record 0: invalid JSON: the file ends inside this record (truncated?)`,
      `unreadable input: ${join(day, 'dangling.json.gz')}: dangling symbolic link: its target does not exist (fix or remove the link)`,
      `unreadable input: ${join(day, 'truncated.json.gz')}: gzip: unexpected end of file after 188 bytes of text (truncated?); the records before the cut were read`,
    ]);
    expect(readSummary(summaryFile).inputs).toMatchObject({
      objectsListed: 60,
      unreadable: 5,
      invalidRecords: 0,
    });
    // The report page names them too, so that it alone says what it could not count.
    const inputs = readFileSync(reportFile, 'utf8').split('<h2>Inputs</h2>')[1] ?? '';
    for (const line of err) expect(inputs).toContain(escapeHtml(line));
    expect(inputs.match(/<span class="tag danger">unreadable<\/span>/g)).toHaveLength(5);
  });

  it('counts a root record that fails validation as invalid, with its field path', async () => {
    // Prepare
    const dir = scratchDir('invalid');
    const bad = {
      ...rootRecord('access-key/root-access-key-put-bucket-policy.json', {
        eventID: 'bad-1',
        eventTime: 'yesterday',
        account: '111122223333',
      }),
    };
    writeLogFile(join(dir, 'trail.json.gz'), [bad]);

    // Act
    const { code, err } = await run('scan', '--json', dir);

    // Assess
    expect(code).toBe(2);
    expect(err[0]).toBe(
      `invalid input: ${join(dir, 'trail.json.gz')}: record 0: eventTime: Invalid ISO datetime (invalid_format)`,
    );
  });

  it('reads JSON Lines exports and single records, whatever their layout', async () => {
    // Prepare
    const files = [
      join(EVENTS_DIR, 'log-files/cloudtrail-lake-export.jsonl'),
      join(EVENTS_DIR, 'sign-in/root-console-login-eventbridge-global-region.json'),
    ];

    // Act
    const scanned = await run('scan', '--json', ...files);
    const classified = await run('classify', '--json', ...files);

    // Assess (workers return objects in no fixed order)
    expect(scanned.code).toBe(0);
    expect(eventIds(scanned.out)).toStrictEqual(eventIds(classified.out));
    expect(eventIds(scanned.out)).toHaveLength(3);
  });
});

describe('CLI: rootwatch scan filters', () => {
  /** An organisation-trail archive: two accounts, two regions, three delivery days. */
  const fleetArchive = () => {
    const dir = scratchDir('fleet');
    const file = (account: string, region: string, day: string, id: string, time: string) =>
      writeLogFile(
        join(
          dir,
          'AWSLogs',
          'o-abcdef1234',
          account,
          'CloudTrail',
          region,
          day.replaceAll('-', '/'),
          `${account}_CloudTrail_${region}_${id}.json.gz`,
        ),
        [
          rootRecord('access-key/root-access-key-put-bucket-policy.json', {
            eventID: id,
            eventTime: time,
            account,
            region,
          }),
        ],
      );
    file('111122223333', 'us-east-1', '2026-01-10', 'a-jan10', '2026-01-10T08:00:00Z');
    // Delivered on the 12th, but the event is of the 11th (a delayed delivery).
    file('111122223333', 'us-east-1', '2026-01-12', 'a-jan11-late', '2026-01-11T23:50:00Z');
    file('111122223333', 'eu-west-1', '2026-01-20', 'a-jan20', '2026-01-20T08:00:00Z');
    file('444455556666', 'us-east-1', '2026-01-12', 'b-jan12', '2026-01-12T09:00:00Z');
    return dir;
  };

  it.each([
    {
      args: [],
      findings: ['a-jan10', 'a-jan11-late', 'a-jan20', 'b-jan12'],
      pruned: { foldersPruned: 0, objectsPruned: 0 },
    },
    {
      args: ['--since', '2026-01-11', '--until', '2026-01-11'],
      findings: ['a-jan11-late'],
      // Read: the 10th and 12th (a day of slack); pruned: the 20th's day folder.
      pruned: { foldersPruned: 1, objectsPruned: 0 },
      outsideFilters: 2,
    },
    {
      args: ['--account', '444455556666'],
      findings: ['b-jan12'],
      pruned: { foldersPruned: 1, objectsPruned: 0 },
    },
    {
      args: ['--region', 'eu-west-1'],
      findings: ['a-jan20'],
      pruned: { foldersPruned: 2, objectsPruned: 0 },
    },
    {
      args: ['--since', '2026-01-15T00:00:00Z'],
      findings: ['a-jan20'],
      pruned: { foldersPruned: 3, objectsPruned: 0 },
    },
  ])(
    '$args prunes folders by path, then filters the records',
    async ({ args, findings, pruned, outsideFilters }) => {
      // Prepare
      const dir = fleetArchive();
      const summaryFile = join(scratchDir('summary'), 'summary.json');

      // Act
      const { code, out } = await run('scan', '--json', '--summary', summaryFile, ...args, dir);

      // Assess
      expect(code).toBe(0);
      expect(eventIds(out)).toStrictEqual(findings);
      const summary = readSummary(summaryFile);
      expect(summary.inputs).toMatchObject(pruned);
      expect(summary.findings.outsideFilters).toBe(outsideFilters ?? 0);
      const named = (flag: string) => args.flatMap((arg, index) => (args[index - 1] === flag ? [arg] : []));
      expect(summary.scope.filters).toMatchObject({
        accounts: named('--account'),
        regions: named('--region'),
      });
      const since = named('--since')[0];
      const sinceDay = since?.length === 10 ? `${since}T00:00:00Z` : since;
      expect(summary.scope.filters.since).toBe(
        sinceDay === undefined ? null : sinceDay.replace('.000Z', 'Z'),
      );
    },
  );

  it.each([
    { args: ['scan'], message: 'scan needs at least one PATH' },
    {
      args: ['scan', '--since', 'last week', 'x'],
      message: 'expected YYYY-MM-DD or an ISO 8601 time, not "last week"',
    },
    {
      args: ['scan', '--since', '2026-02-01', '--until', '2026-01-01', 'x'],
      message: '--since is after --until',
    },
    { args: ['scan', '--account', '1234', 'x'], message: 'expected a 12-digit account id' },
    { args: ['scan', '--region', 'Mars', 'x'], message: 'expected a region such as eu-west-1' },
    { args: ['scan', '--workers', 'many', 'x'], message: 'workers' },
    { args: ['scan', 's3://A_B/prefix'], message: '"A_B" is not an S3 bucket name' },
  ])('rejects $args with exit 2', async ({ args, message }) => {
    // Act
    const { code, err } = await run(...args);

    // Assess
    expect(code).toBe(2);
    expect(err.join('\n')).toContain(message);
  });
});

describe('CLI: rootwatch scan from the package bin', () => {
  it.each([
    { args: ['scan', '--since', 'soon', 'x'], code: 2 },
    { args: ['scan', '--help'], code: 0 },
    { args: ['scan', '--workers=0', join(EVENTS_DIR, 'sign-in/root-console-login-failed.json')], code: 0 },
  ])('exits $code at once for $args, though it starts workers ahead', async ({ args, code }) => {
    // Act
    const exit = await new Promise<number | null>((resolve) => {
      const child = execFile(process.execPath, [join(REPO_ROOT, 'dist/cli/rootwatch.mjs'), ...args], {
        timeout: 15_000,
      });
      child.on('exit', (status) => resolve(status));
    });

    // Assess
    expect(exit).toBe(code);
  });
});

describe('CLI: rootwatch scan outputs', () => {
  it('prints a table and a summary for people, or writes findings to --out', async () => {
    // Prepare
    const { dir } = archiveWithRoot();
    const outFile = join(scratchDir('out'), 'findings.jsonl');

    // Act
    const table = await run('scan', dir);
    const toFile = await run(
      'scan',
      '--json',
      '--out',
      outFile,
      '--summary',
      join(scratchDir('s'), 's.json'),
      dir,
    );

    // Assess
    expect(table.out[0]).toMatch(/^SEVERITY\s+TIME\s+ACCOUNT/);
    expect(table.out.join('\n')).toContain(
      'Fleet: 1 of 2 accounts used root (50%); repeat offenders (more than one week): 0, 0% of 2 uses',
    );
    expect(table.out.join('\n')).toContain(
      '  weekly: 1 ISO week (2023-W28); highest share of accounts with root use 50% (2023-W28)',
    );
    expect(table.out.join('\n')).toContain(
      'Period: findings 2023-07-10T12:01:00Z to 2023-07-10T12:30:00Z; delivery days named by S3 keys 2023-07-10; critical findings: 2',
    );
    expect(toFile.out).toStrictEqual([]);
    expect(eventIds(readFileSync(outFile, 'utf8').trim().split('\n'))).toStrictEqual([
      'root-key-1',
      'root-login-1',
    ]);
  });

  it('runs as `rootwatch scan` from the package bin with worker threads, and writes the HTML report', async () => {
    // Prepare
    const { dir } = archiveWithRoot();
    const report = join(scratchDir('report'), 'report.html');
    mkdirSync(join(dir, 'elsewhere'));

    // Act
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [join(REPO_ROOT, 'dist/cli/rootwatch.mjs'), 'scan', '--json', '--report', report, dir],
      { cwd: join(dir, 'elsewhere') },
    );

    // Assess
    expect(eventIds(stdout.trim().split('\n'))).toStrictEqual(['root-key-1', 'root-login-1']);
    expect(stderr).toContain('Scanned 55 objects');
    expect(readFileSync(report, 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('groups a console session split over files into one incident, in event-time order, as the live detector does', async () => {
    // Prepare
    const dir = scratchDir('incident');
    const [signIn, ...calls] = consoleSessionRecords();
    writeLogFile(join(dir, 'a-later-calls.json.gz'), calls.slice(2));
    writeLogFile(join(dir, 'b-sign-in-and-first-calls.json.gz'), [signIn, ...calls.slice(0, 2)]);

    // Act
    const { code, out } = await run('scan', '--json', dir);

    // Assess
    const findings = out.map((line) => FindingSchema.parse(JSON.parse(line)));
    expect(code).toBe(0);
    expect(findings.map((finding) => finding.time)).toStrictEqual(
      findings.map((finding) => finding.time).sort(),
    );
    expect(new Set(findings.map((finding) => finding.incident?.id)).size).toBe(1);
    expect(
      findings.map((finding) => [finding.eventName, finding.incident?.count, finding.incident?.alert]),
    ).toStrictEqual([
      ['ConsoleLogin', 1, 'first'],
      ['ListUsers', 2, 'update'],
      ['ListRoles', 3, 'update'],
      ['CreateAccessKey', 4, 'escalation'],
      ['ListAccessKeys', 5, 'update'],
    ]);
  });

  it('prints OCSF findings and marks what a suppression rule matches', async () => {
    // Prepare
    const dir = scratchDir('formats');
    writeLogFile(join(dir, 'session.json.gz'), consoleSessionRecords());
    const rules = join(dir, 'suppressions.json');
    writeFileSync(
      rules,
      JSON.stringify({
        version: 1,
        rules: [
          {
            id: 'chg-1',
            reason: 'CHG-1: role review',
            expires: '2099-01-01T00:00:00Z',
            match: { eventNames: ['ListRoles'] },
          },
        ],
      }),
    );

    // Act
    const { code, out } = await run(
      'scan',
      '--format',
      'ocsf',
      '--suppressions',
      rules,
      join(dir, 'session.json.gz'),
    );

    // Assess
    const findings = out.map((line) => OcsfDetectionFindingSchema.parse(JSON.parse(line)));
    expect(code).toBe(0);
    expect(findings).toHaveLength(5);
    expect(findings.map((finding) => (finding as { status?: string }).status)).toStrictEqual([
      'New',
      'New',
      'Suppressed',
      'New',
      'New',
    ]);
  });
});
