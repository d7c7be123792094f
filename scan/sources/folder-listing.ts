import type { SourceEntry } from './object-source.ts';

/** The part of a ListObjectsV2 request and answer the folder listing uses. */
interface ListRequest {
  Prefix: string;
  MaxKeys: number;
  StartAfter?: string;
}
interface ListAnswer {
  Contents?: ReadonlyArray<{ Key?: string | undefined; Size?: number | undefined }> | undefined;
  IsTruncated?: boolean | undefined;
}

/** The first key after every key under `folder` (which ends in `/`): `0` follows `/` in byte order. */
const pastFolder = (folder: string): string => `${folder.slice(0, -1)}0`;

/**
 * What is directly under `prefix` (empty, or ending in `/`) in a bucket: its objects, and its
 * sub-folders (keys without the trailing slash), in S3's UTF-8 byte order. A key inside a
 * sub-folder names that folder, and the listing then starts after the folder's last possible key,
 * so a folder costs one request however many keys it holds, and a pruned one is never listed.
 * No `Delimiter`: the local S3 server of the tests (s3rver 3.7) answers nested delimiter listings
 * wrongly. After a folder the next request asks for one key (folders tend to sit beside folders),
 * after objects for a page of `pageSize` (objects beside objects).
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html
 */
async function* listFolder(
  list: (request: ListRequest) => Promise<ListAnswer>,
  prefix: string,
  { pageSize = 1000, firstPageSize = pageSize }: { pageSize?: number; firstPageSize?: number } = {},
): AsyncGenerator<SourceEntry> {
  let startAfter: string | undefined;
  let maxKeys = firstPageSize;
  for (;;) {
    const page = await list({
      Prefix: prefix,
      MaxKeys: maxKeys,
      ...(startAfter !== undefined && { StartAfter: startAfter }),
    });
    const contents = page.Contents ?? [];
    if (contents.length === 0) return;
    let folder: string | undefined;
    for (const { Key: key, Size: size } of contents) {
      if (key === undefined) continue;
      startAfter = key;
      const rest = key.slice(prefix.length);
      const slash = rest.indexOf('/');
      if (slash === -1) {
        yield { kind: 'object', key, size: size ?? 0 };
        continue;
      }
      folder = `${prefix}${rest.slice(0, slash)}`;
      break;
    }
    if (folder !== undefined) {
      yield { kind: 'folder', key: folder };
      startAfter = pastFolder(`${folder}/`);
      maxKeys = 1;
    } else if (!page.IsTruncated) return;
    else maxKeys = pageSize;
  }
}

export { listFolder, pastFolder };
export type { ListRequest, ListAnswer };
