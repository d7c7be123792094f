import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { rootRelation } from '../../detection/root-relation.ts';
import { fakeUuid, seededRandom } from '../corpus/random.ts';
import { loadTemplates } from '../corpus/templates.ts';

/** Bump when the generator changes, so that a stale archive in .bench/ is rebuilt. */
const GENERATOR_VERSION = 4;

const ACCOUNTS = [
  '111122223333',
  '210987654321',
  '333344445555',
  '404040404040',
  '512345678901',
  '600011112222',
  '700022223333',
  '812345678900',
  '900090009000',
  '987654321098',
];
const REGIONS = ['us-east-1', 'eu-west-1', 'us-west-2', 'ap-southeast-2'];
const START = Date.parse('2026-01-05T00:00:00Z');
const DAYS = 56;

/** Where and when the archive's objects are delivered; the defaults are the scan bench's archive. */
interface ArchiveLayout {
  seed?: number;
  /** The first UTC day of deliveries (ms, a midnight) and how many days they spread over. */
  start?: number;
  days?: number;
  /** The folders above the account folders: `AWSLogs` (an account trail) or `AWSLogs/o-…` (an organisation's). */
  root?: string;
}

/** What the generator wrote, kept beside the archive so that a rerun can reuse it. */
interface ArchiveManifest {
  version: number;
  targetBytes: number;
  /** The layout the archive was made with (seed, start, days, root), to reuse it only for the same. */
  layout: string;
  bytes: number;
  storedBytes: number;
  files: string[];
  records: number;
  rootRecords: number;
  /** eventIDs a filter for root identities and root-issued sessions selects, less AwsServiceEvent. */
  expectedEventIds: string[];
  /** The records a root identity issued or whose session root issued, in the order generated. */
  rootRelated: Record<string, unknown>[];
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * A CloudTrail archive in the S3 layout (`AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/`), of
 * about `targetBytes` of JSON, generated deterministically from the bench templates (real records
 * from ../shared, our samples, real calls given root identities) with about 1 root record in 1,000.
 * File sizes follow a log-uniform spread of 5 to 2,500 records, as CloudTrail's five-minute files
 * of quiet and busy account-regions do; each is named by its delivery minute, its records from the
 * 15 minutes before. By default 8 weeks from 2026-01-05 under `AWSLogs/`; `layout` moves them (one
 * day of an organisation trail: `{ start, days: 1, root: 'AWSLogs/o-…' }`). Reused from `dir` when
 * the same version, size and layout are there.
 */
const ensureArchive = (dir: string, targetBytes: number, layout: ArchiveLayout = {}): ArchiveManifest => {
  const { seed = 20261129, start = START, days = DAYS, root: rootFolder = 'AWSLogs' } = layout;
  const layoutKey = `${seed} ${new Date(start).toISOString()} ${days} ${rootFolder}`;
  const manifestPath = join(dir, 'manifest.json');
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as ArchiveManifest;
    if (
      manifest.version === GENERATOR_VERSION &&
      manifest.targetBytes === targetBytes &&
      manifest.layout === layoutKey
    )
      return manifest;
  }
  rmSync(dir, { recursive: true, force: true });
  const { nonRoot, root } = loadTemplates();
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const manifest: ArchiveManifest = {
    version: GENERATOR_VERSION,
    targetBytes,
    layout: layoutKey,
    bytes: 0,
    storedBytes: 0,
    files: [],
    records: 0,
    rootRecords: 0,
    expectedEventIds: [],
    rootRelated: [],
  };
  while (manifest.bytes < targetBytes) {
    const account = pick(ACCOUNTS);
    const region = pick(REGIONS);
    const delivered = start + Math.floor(random() * days * 288) * 300_000;
    const count = Math.round(5 * Math.exp(random() * Math.log(500)));
    const records: string[] = [];
    for (let index = 0; index < count; index += 1) {
      const isRoot = random() < 1 / 1000;
      const template = pick(isRoot ? root : nonRoot);
      const eventTime = new Date(delivered - Math.floor(random() * 900_000))
        .toISOString()
        .replace(/\.\d+Z$/, 'Z');
      const identity = template.userIdentity as Record<string, unknown> | undefined;
      // Root identities take the file's account; a FederatedUser minted by root keeps its own shape.
      const rootIdentity = isRoot && identity?.type === 'Root';
      const record: Record<string, unknown> = {
        ...template,
        eventTime,
        eventID: fakeUuid(random),
        requestID: fakeUuid(random),
        awsRegion: region,
        recipientAccountId: account,
        ...(rootIdentity
          ? { userIdentity: { ...identity, accountId: account, arn: `arn:aws:iam::${account}:root` } }
          : {}),
      };
      const relation = rootRelation(record);
      if (relation === 'root' || relation === 'root-federation') {
        manifest.rootRecords += 1;
        manifest.rootRelated.push(record);
        if (record.eventType !== 'AwsServiceEvent') manifest.expectedEventIds.push(String(record.eventID));
      }
      records.push(JSON.stringify(record));
    }
    const text = `{"Records":[${records.join(',')}]}`;
    const day = new Date(delivered);
    const folder = join(
      dir,
      rootFolder,
      account,
      'CloudTrail',
      region,
      String(day.getUTCFullYear()),
      pad(day.getUTCMonth() + 1),
      pad(day.getUTCDate()),
    );
    const stamp = day.toISOString().replace(/[-:]/g, '').slice(0, 13);
    const file = join(
      folder,
      `${account}_CloudTrail_${region}_${stamp}Z_${fakeUuid(random).slice(0, 16)}.json.gz`,
    );
    mkdirSync(folder, { recursive: true });
    const stored = gzipSync(text);
    writeFileSync(file, stored);
    manifest.files.push(file);
    manifest.bytes += Buffer.byteLength(text);
    manifest.storedBytes += stored.length;
    manifest.records += count;
  }
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return manifest;
};

export { ensureArchive };
export type { ArchiveManifest, ArchiveLayout };
