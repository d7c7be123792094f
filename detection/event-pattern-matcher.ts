import type { EventPattern, PatternLeaf } from './rule-pattern.ts';

/**
 * A local EventBridge pattern matcher, for the operators our patterns use, following the documented
 * semantics [EB-PAT]: every field of the pattern must match (AND); a list of leaves matches when any
 * leaf matches the event's value (OR), or any element when the event's value is an array; matching is
 * exact and case-sensitive; `exists` applies to leaves; `$or` matches when any of its patterns does;
 * `wildcard`'s `*` matches any run of characters [EB-PAT] (eb-create-pattern-operators.html).
 */
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `*` matches any run of characters, including none; every other character matches itself. */
const matchesWildcard = (pattern: string, value: string): boolean => {
  const [first = '', ...rest] = pattern.split('*');
  if (rest.length === 0) return value === first;
  if (!value.startsWith(first)) return false;
  const last = rest.pop() ?? '';
  let at = first.length;
  for (const part of rest) {
    const found = value.indexOf(part, at);
    if (found === -1) return false;
    at = found + part.length;
  }
  return value.length - last.length >= at && value.endsWith(last);
};

const matchesLeaf = (leaf: PatternLeaf, value: unknown): boolean => {
  if (!isObject(leaf)) return value === leaf;
  if ('prefix' in leaf) return typeof value === 'string' && value.startsWith(leaf.prefix);
  if ('suffix' in leaf) return typeof value === 'string' && value.endsWith(leaf.suffix);
  if ('wildcard' in leaf) return typeof value === 'string' && matchesWildcard(leaf.wildcard, value);
  if ('equals-ignore-case' in leaf) {
    return typeof value === 'string' && value.toLowerCase() === leaf['equals-ignore-case'].toLowerCase();
  }
  if ('anything-but' in leaf) {
    const excluded = leaf['anything-but'];
    if (isObject(excluded)) return typeof value === 'string' && !value.startsWith(excluded.prefix);
    return !(Array.isArray(excluded) ? excluded : [excluded]).includes(value as string | number);
  }
  throw new Error(`unsupported pattern operator: ${JSON.stringify(leaf)}`);
};

const matchesLeaves = (leaves: readonly PatternLeaf[], value: unknown, present: boolean): boolean => {
  const exists = leaves.find((leaf): leaf is { exists: boolean } => isObject(leaf) && 'exists' in leaf);
  if (exists) return exists.exists === (present && !isObject(value));
  if (!present) return false;
  const values = Array.isArray(value) ? value : [value];
  return values.some((item) => !isObject(item) && leaves.some((leaf) => matchesLeaf(leaf, item)));
};

const matchesPattern = (pattern: EventPattern, event: unknown): boolean => {
  if (!isObject(event)) return false;
  return Object.entries(pattern).every(([key, expected]) => {
    if (key === '$or')
      return (expected as readonly EventPattern[]).some((branch) => matchesPattern(branch, event));
    const present = Object.hasOwn(event, key);
    if (Array.isArray(expected))
      return matchesLeaves(expected as readonly PatternLeaf[], event[key], present);
    return present && matchesPattern(expected as EventPattern, event[key]);
  });
};

export { matchesPattern, matchesWildcard };
