import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { SHARED_DIR } from './paths.ts';
import { sampleRecord } from './records.ts';

/** The real S3-layout archive of ../shared: 55 log files of account 123837392027 under keys of 218007301253. */
const INVICTUS = join(SHARED_DIR, 'cloudtrail-real', 'invictus');
const INVICTUS_DAY = 'AWSLogs/218007301253/CloudTrail/us-east-1/2023/07/10';

const scratchDir = (name: string): string => mkdtempSync(join(tmpdir(), `rootwatch-${name}-`));

/** A copy of the invictus archive in a temp dir, and its log files (sorted paths). */
const copyInvictus = (): { dir: string; files: string[] } => {
  const dir = scratchDir('archive');
  cpSync(INVICTUS, dir, { recursive: true });
  const day = join(dir, INVICTUS_DAY);
  return {
    dir,
    files: readdirSync(day)
      .sort()
      .map((name) => join(day, name)),
  };
};

/** The records of a gzipped CloudTrail log file. */
const readLogFile = (file: string): Record<string, unknown>[] =>
  (JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as { Records: Record<string, unknown>[] })
    .Records;

/** Writes `{"Records": [...]}` gzipped (compact, as CloudTrail does), creating folders. */
const writeLogFile = (file: string, records: readonly unknown[]): string => {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, gzipSync(JSON.stringify({ Records: records })));
  return file;
};

/** A root sample given a fresh identity for this archive: its own eventID, time, account, region. */
const rootRecord = (
  sample: string,
  overrides: { eventID: string; eventTime: string; account: string; region?: string },
): Record<string, unknown> => {
  const record = sampleRecord(sample);
  record.userIdentity.accountId = overrides.account;
  record.userIdentity.arn = `arn:aws:iam::${overrides.account}:root`;
  return {
    ...record,
    eventID: overrides.eventID,
    eventTime: overrides.eventTime,
    recipientAccountId: overrides.account,
    awsRegion: overrides.region ?? record.awsRegion,
  };
};

export { INVICTUS, INVICTUS_DAY, scratchDir, copyInvictus, readLogFile, writeLogFile, rootRecord };
