import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { notCloudTrailRecord } from '../../detection/record-basis.ts';
import { rootRelation } from '../../detection/root-relation.ts';
import { findSharedDir } from '../../test/helpers/shared-dir.ts';

const REPO_ROOT = new URL('../..', import.meta.url).pathname;
const SHARED_REAL = join(findSharedDir(REPO_ROOT) ?? join(REPO_ROOT, '..', 'shared'), 'cloudtrail-real');

const recordsOfFile = (path: string): unknown[] => {
  const bytes = readFileSync(path);
  const text = (bytes[0] === 0x1f ? gunzipSync(bytes) : bytes).toString('utf8');
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') || trimmed.includes('\n{"')) {
    return trimmed.split('\n').map((line) => JSON.parse(line) as unknown);
  }
  const document = JSON.parse(trimmed) as { Records?: unknown[]; detail?: unknown; 'detail-type'?: unknown };
  if (document.Records) return document.Records;
  return [document['detail-type'] ? document.detail : document];
};

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter(
      (entry) => entry.isFile() && /\.json(l)?(\.gz)?$/.test(entry.name) && entry.name !== 'manifest.json',
    )
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();

type Template = Record<string, unknown>;

/**
 * The identities a real record is given to become a root record: a current console session, a
 * long-term root key and a root session token, as the samples in events/ show them.
 */
const ROOT_IDENTITIES: ReadonlyArray<(account: string) => { identity: Template; extra: Template }> = [
  (account) => ({
    identity: {
      type: 'Root',
      principalId: account,
      arn: `arn:aws:iam::${account}:root`,
      accountId: account,
      accessKeyId: 'ASIAY34FZKBOKMUTVV7A',
      sessionContext: {
        sessionIssuer: {},
        webIdFederationData: {},
        attributes: { creationDate: '2026-01-01T00:00:00Z', mfaAuthenticated: 'true' },
      },
    },
    extra: { sessionCredentialFromConsole: 'true' },
  }),
  (account) => ({
    identity: {
      type: 'Root',
      principalId: account,
      arn: `arn:aws:iam::${account}:root`,
      accountId: account,
      accessKeyId: 'AKIAY34FZKBOROOTKEY1',
    },
    extra: {},
  }),
  (account) => ({
    identity: {
      type: 'Root',
      principalId: account,
      arn: `arn:aws:iam::${account}:root`,
      accountId: account,
      accessKeyId: 'ASIAY34FZKBOSESSION1',
      sessionContext: {
        sessionIssuer: {},
        attributes: { creationDate: '2026-01-01T00:00:00Z', mfaAuthenticated: 'false' },
      },
    },
    extra: {},
  }),
];

/** A real record acting as root: same call, parameters and size, root identity. */
const asRoot = (record: Template, index: number): Template => {
  const identity = (record.userIdentity ?? {}) as Template;
  const account = String(record.recipientAccountId ?? identity.accountId ?? '111122223333');
  const { identity: rootIdentity, extra } = ROOT_IDENTITIES[index % ROOT_IDENTITIES.length]!(account);
  return { ...record, userIdentity: rootIdentity, ...extra };
};

/**
 * Realistic record templates. Non-root: the real public CloudTrail data (../shared) and our negative
 * samples. Root: our root samples, and the real records (AwsApiCall only) given root identities, so
 * that root records have the sizes and shapes of real traffic, not only of documentation examples.
 * Records whose `eventTime`/`eventID` are placeholders, and records without CloudTrail's basis fields
 * (`eventVersion`, `eventTime`, `eventSource`, `eventName`), are left out.
 */
const loadTemplates = (): {
  nonRoot: Template[];
  root: Template[];
  sampleRoot: Template[];
  sources: string;
} => {
  const usable = (record: unknown): record is Record<string, unknown> =>
    typeof record === 'object' &&
    record !== null &&
    typeof (record as { eventID?: unknown }).eventID === 'string' &&
    !Number.isNaN(Date.parse(String((record as { eventTime?: unknown }).eventTime))) &&
    // What the detector takes for a CloudTrail record (some public captures drop eventVersion).
    notCloudTrailRecord(record) === undefined;
  const realFiles = existsSync(SHARED_REAL) ? walk(SHARED_REAL) : [];
  const sampleFiles = walk(join(REPO_ROOT, 'events'));
  const real = realFiles.flatMap(recordsOfFile).filter(usable);
  const samples = sampleFiles.flatMap(recordsOfFile).filter(usable);
  const nonRoot = [...real, ...samples].filter((record) => !rootRelation(record));
  const sampleRoot = samples.filter(
    (record) => rootRelation(record) === 'root' || rootRelation(record) === 'root-federation',
  );
  const realRoot = real
    .filter((record) => record.eventType === 'AwsApiCall' && !rootRelation(record))
    .map(asRoot);
  const root = [...sampleRoot, ...realRoot];
  const sources = realFiles.length
    ? `templates: ${nonRoot.length} non-root from ${relative(REPO_ROOT, SHARED_REAL)} and events/; ` +
      `root: ${sampleRoot.length} from events/ and ${realRoot.length} real API calls given root identities`
    : `templates: ${nonRoot.length} non-root and ${root.length} root from events/ (../shared not found)`;
  return { nonRoot, root, sampleRoot, sources };
};

export { loadTemplates };
