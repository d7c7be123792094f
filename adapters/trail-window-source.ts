import { ListObjectsV2Command, paginateListObjectsV2 } from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import { ACCOUNT, ORGANISATION } from '../scan/archive-path.ts';
import { dayFolders, deliveredAt } from '../scan/delivery-time.ts';
import { listFolder } from '../scan/sources/folder-listing.ts';
import type { ListRequest } from '../scan/sources/folder-listing.ts';
import type { ListedObject } from '../scan/sources/walk.ts';
import type { ObjectSource, SourceEntry } from '../scan/sources/object-source.ts';
import { s3Source } from './s3-source.ts';

/** Folders above the account folders: `AWSLogs`, and an organisation trail's `o-…`. */
const isAboveAccounts = (name: string): boolean => name === 'AWSLogs' || ORGANISATION.test(name);

interface TrailWindowOptions {
  client: S3Client;
  bucket: string;
  /** Delivery times wanted, in ms, both inclusive (to the minute of the object names). */
  from: number;
  to: number;
  /** Accounts listed at once. */
  concurrency?: number;
  /** Asked before each object is handed out: true ends the listing there (a deadline). */
  stop?: () => boolean;
}

/** A folder whose listing failed; the others are still listed. */
interface ListingFailure {
  prefix: string;
  reason: string;
}

/** What the listing did: accounts and Region folders found, failures, and whether it was stopped. */
interface TrailListing {
  accounts: number;
  regionFolders: number;
  failures: ListingFailure[];
  stopped: boolean;
}

interface TrailWindowSource extends ObjectSource {
  readonly listing: TrailListing;
}

/**
 * The names of the folders directly under `prefix`, one request each (see `listFolder`): whole
 * folders (years of history) are skipped without being listed.
 */
async function* childFolders(client: S3Client, bucket: string, prefix: string): AsyncGenerator<string> {
  const list = (request: ListRequest) =>
    client.send(new ListObjectsV2Command({ Bucket: bucket, ...request }));
  for await (const entry of listFolder(list, prefix, { firstPageSize: 1 }))
    if (entry.kind === 'folder') yield entry.key.slice(prefix.length);
}

/** Every account folder (`…/<12 digits>/`) under `prefix`, through `AWSLogs/` and `o-…/` folders. */
async function* accountFolders(client: S3Client, bucket: string, prefix: string): AsyncGenerator<string> {
  for await (const name of childFolders(client, bucket, prefix)) {
    if (ACCOUNT.test(name)) yield `${prefix}${name}/`;
    else if (isAboveAccounts(name)) yield* accountFolders(client, bucket, `${prefix}${name}/`);
  }
}

/**
 * A CloudTrail bucket, narrowed to the objects delivered in a time range: the account folders under
 * the scan's root (an organisation trail's `AWSLogs/o-…/` or an account trail's `AWSLogs/`), each
 * account's `CloudTrail/<region>/` folders, and in each only the date folders of the range, keeping
 * the objects whose name (the minute of delivery) is in it. Objects whose names carry no time are
 * kept. Accounts are listed `concurrency` at a time and handed out as each account's listing ends;
 * a failed account is noted in `listing.failures` and the others go on. Reads are S3 GetObject.
 */
const trailWindowSource = async (options: TrailWindowOptions): Promise<TrailWindowSource> => {
  const { client, bucket, from, to } = options;
  const concurrency = options.concurrency ?? 8;
  const stop = options.stop ?? (() => false);
  const objects = await s3Source(bucket, { client });
  const listing: TrailListing = { accounts: 0, regionFolders: 0, failures: [], stopped: false };
  const days = dayFolders(from, to);

  const listAccount = async (account: string): Promise<ListedObject[]> => {
    const found: ListedObject[] = [];
    for await (const region of childFolders(client, bucket, `${account}CloudTrail/`)) {
      listing.regionFolders += 1;
      for (const day of days) {
        const prefix = `${account}CloudTrail/${region}/${day}/`;
        for await (const page of paginateListObjectsV2({ client }, { Bucket: bucket, Prefix: prefix })) {
          for (const { Key: key, Size: size } of page.Contents ?? []) {
            if (key === undefined) continue;
            const at = deliveredAt(key);
            if (at === undefined || (at >= from && at <= to)) found.push({ key, size });
          }
        }
      }
    }
    return found;
  };

  return {
    descriptor: objects.descriptor,
    listing,
    async *list(folder) {
      const prefix = folder ? `${folder.replace(/\/$/, '')}/` : '';
      const accounts = accountFolders(client, bucket, prefix);
      const running = new Map<string, Promise<{ account: string; found: ListedObject[] }>>();
      let exhausted = false;
      for (;;) {
        while (!exhausted && running.size < concurrency && !stop()) {
          const next = await accounts.next();
          if (next.done) {
            exhausted = true;
            break;
          }
          const account = next.value;
          listing.accounts += 1;
          running.set(
            account,
            listAccount(account).then(
              (found) => ({ account, found }),
              (error: unknown) => {
                listing.failures.push({ prefix: account, reason: (error as Error).message || String(error) });
                return { account, found: [] };
              },
            ),
          );
        }
        if (running.size === 0) {
          listing.stopped = !exhausted;
          return;
        }
        const { account, found } = await Promise.race(running.values());
        running.delete(account);
        for (const object of found) {
          if (stop()) {
            listing.stopped = true;
            return;
          }
          yield { kind: 'object', ...object } satisfies SourceEntry;
        }
      }
    },
    stat: async (key) => ({ kind: 'folder', key: key.replace(/\/$/, '') }),
    read: (key, limits) => objects.read(key, limits),
    locate: (key) => objects.locate(key),
  };
};

export { trailWindowSource, childFolders, accountFolders };
export type { TrailWindowOptions, TrailWindowSource, TrailListing, ListingFailure };
