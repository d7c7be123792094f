/**
 * Fields that identify and classify a finding: never shortened (consumers deduplicate on `eventId`,
 * route on the severity and kind, and look the event up by its id, source and time).
 */
const KEPT = new Set([
  'schemaVersion',
  'eventId',
  'sharedEventId',
  'recipientAccountId',
  'account',
  'region',
  'time',
  'eventSource',
  'eventName',
  'eventType',
  'identityType',
  'accessKeyId',
  'credential',
  'activity',
  'outcome',
  'severity',
  'severityRule',
  'sessionIssuedAt',
  'truncated',
  'id',
  'alert',
  'firstSeen',
  'lastSeen',
  'expires',
  'ruleId',
  'detectedAt',
  'issuedAt',
]);

/** A shortened field keeps at least this many characters, then says it was cut. */
const MIN_CHARS = 256;
const MARK = '… [truncated]';

type Path = (string | number)[];

/** Every string the detail holds outside the kept fields, with its path, a few levels deep at most. */
const freeText = (detail: Record<string, unknown>): { path: Path; length: number }[] => {
  const found: { path: Path; length: number }[] = [];
  const stack: { value: unknown; path: Path }[] = [{ value: detail, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    const key = path.at(-1);
    if (typeof key === 'string' && KEPT.has(key)) continue;
    if (typeof value === 'string' && value.length > MIN_CHARS + MARK.length)
      found.push({ path, length: value.length });
    else if (typeof value === 'object' && value !== null && path.length < 4) {
      for (const [inner, child] of Object.entries(value)) {
        stack.push({ value: child, path: [...path, Array.isArray(value) ? Number(inner) : inner] });
      }
    }
  }
  return found;
};

const withString = (value: unknown, path: Path, text: string): unknown => {
  if (!path.length) return text;
  const [head, ...rest] = path;
  if (Array.isArray(value))
    return value.map((item, index) => (index === head ? withString(item, rest, text) : item));
  const record = value as Record<string, unknown>;
  return { ...record, [head!]: withString(record[head!], rest, text) };
};

const stringAt = (value: unknown, path: Path): string =>
  path.reduce<unknown>((inner, key) => (inner as Record<string | number, unknown>)[key], value) as string;

/**
 * The detail of an alert made to fit a size limit (`fits`): while it does not, its longest free-text
 * string (a user agent, an error message, the summary, an address list entry) is halved, down to
 * `MIN_CHARS` and a mark, and the paths shortened are listed in `truncated` (`errorMessage`,
 * `incident.sourceIps.3`), so the alert says what it lost. Identifying and classifying fields are
 * never shortened; the alert is never dropped. The detail itself when it already fits. Pure.
 */
const shrinkToFit = <T extends Record<string, unknown>>(
  detail: T,
  fits: (candidate: T) => boolean,
): { detail: T; truncated: string[] } => {
  let current = detail;
  const truncated = new Set<string>();
  while (!fits(current)) {
    const [longest] = freeText(current).sort((a, b) => b.length - a.length);
    if (!longest) break;
    const text = stringAt(current, longest.path);
    const kept = Math.max(MIN_CHARS, Math.floor((text.length - MARK.length) / 2));
    current = withString(current, longest.path, `${text.slice(0, kept)}${MARK}`) as T;
    truncated.add(longest.path.join('.'));
    current = { ...current, truncated: [...truncated].sort() };
  }
  return { detail: current, truncated: [...truncated].sort() };
};

export { shrinkToFit };
