/**
 * What a path in the layout CloudTrail writes says, as far as it goes:
 * `AWSLogs/[o-xxxx/]<account>/CloudTrail/<region>/YYYY/MM/DD/<file>.json.gz`.
 * Folders hold the delivery date (UTC), not the events' dates; and the account in the key is the
 * trail's, which need not be the records' (`../shared/cloudtrail-real/README.md`).
 */
interface ArchivePath {
  organisation?: string;
  account?: string;
  /** `CloudTrail`, `CloudTrail-Digest`, `CloudTrail-Insight`. */
  kind?: string;
  region?: string;
  year?: number;
  month?: number;
  day?: number;
}

const ACCOUNT = /^\d{12}$/;
const ORGANISATION = /^o-[a-z0-9]{10,32}$/;

const ROOT = 'AWSLogs';

/** Where the path's last `AWSLogs` segment ends, or -1 (found from the end: paths are long, the layout short). */
const rootEnd = (path: string): number => {
  for (let at = path.lastIndexOf(ROOT); at !== -1; at = at === 0 ? -1 : path.lastIndexOf(ROOT, at - 1)) {
    const end = at + ROOT.length;
    if ((at === 0 || path[at - 1] === '/') && (end === path.length || path[end] === '/')) return end;
  }
  return -1;
};

/** The layout fields of a file or folder path (local or S3 key), or undefined outside `AWSLogs/`. */
const parseArchivePath = (path: string): ArchivePath | undefined => {
  const end = rootEnd(path);
  if (end === -1) return undefined;
  const rest = path.slice(end).split('/').filter(Boolean);
  const parsed: ArchivePath = {};
  if (rest[0] !== undefined && ORGANISATION.test(rest[0])) parsed.organisation = rest.shift();
  const [account, kind, region, year, month, day] = rest;
  if (account === undefined) return parsed;
  if (!ACCOUNT.test(account)) return undefined;
  parsed.account = account;
  if (kind === undefined) return parsed;
  parsed.kind = kind;
  if (region === undefined) return parsed;
  parsed.region = region;
  const numbers = [year, month, day].map((part) =>
    part !== undefined && /^\d+$/.test(part) ? Number(part) : undefined,
  );
  if (numbers[0] !== undefined) parsed.year = numbers[0];
  if (numbers[0] !== undefined && numbers[1] !== undefined) parsed.month = numbers[1];
  if (numbers[1] !== undefined && numbers[2] !== undefined) parsed.day = numbers[2];
  return parsed;
};

const DIGITS = /^\d+$/;

/**
 * `parseArchivePath` for a listing's many paths: the objects of one day folder all parse alike, so
 * the last such folder's answer is kept. Exact: it is kept only when an object's name lies past the
 * layout (the day is known and the name, not all digits, cannot be the day), and then every name in
 * that folder does, whatever it is. One per walk: it holds one folder.
 */
const archivePathParser = (): ((path: string) => ArchivePath | undefined) => {
  let folder: string | undefined;
  let kept: ArchivePath | undefined;
  return (path) => {
    const slash = path.lastIndexOf('/');
    if (folder !== undefined && slash === folder.length && path.startsWith(folder)) return kept;
    const parsed = parseArchivePath(path);
    const layoutDone = parsed?.day !== undefined && !DIGITS.test(path.slice(slash + 1));
    folder = layoutDone ? path.slice(0, slash) : undefined;
    kept = parsed;
    return parsed;
  };
};

const DAY_MS = 86_400_000;

/** The delivery days `[first, last]` (ms) a dated folder can hold; undefined when it has no date. */
const deliveryDays = (path: ArchivePath): [number, number] | undefined => {
  if (path.year === undefined) return undefined;
  if (path.month === undefined) return [Date.UTC(path.year, 0, 1), Date.UTC(path.year + 1, 0, 1) - 1];
  if (path.day === undefined)
    return [Date.UTC(path.year, path.month - 1, 1), Date.UTC(path.year, path.month, 1) - 1];
  const start = Date.UTC(path.year, path.month - 1, path.day);
  return [start, start + DAY_MS - 1];
};

export { parseArchivePath, archivePathParser, deliveryDays, DAY_MS, ACCOUNT, ORGANISATION };
export type { ArchivePath };
