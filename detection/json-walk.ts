/**
 * Walks over JSON values of unknown shape (delivered events, archive records) without recursion:
 * an EventBridge event of 256 KB can nest 100,000 deep, far past the call stack of a recursive walk
 * or of `JSON.stringify` (which overflows near 5,000 levels on Node's default stack, and sooner in a
 * worker thread).
 */

/**
 * How deep a value may nest and still be handed to `JSON.stringify` and the loggers: far above any
 * real CloudTrail record (request parameters nest a few levels), far below the call stack.
 */
const MAX_JSON_DEPTH = 256;

/** The nesting depth of `value`: 0 for a scalar, 1 for `{}` or `[]`, and so on. */
const jsonDepth = (value: unknown): number => {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    deepest = Math.max(deepest, depth);
    for (const inner of Array.isArray(current) ? current : Object.values(current)) {
      if (typeof inner === 'object' && inner !== null) stack.push([inner, depth + 1]);
    }
  }
  return deepest;
};

type Token = { text: string } | { value: unknown };

/** A JSON scalar (never an object) as `JSON.stringify` writes it; undefined for what JSON drops. */
const scalarText = (value: unknown): string | undefined => {
  if (typeof value === 'bigint') return value.toString();
  return JSON.stringify(value) as string | undefined;
};

/**
 * The first `maxChars` characters of the JSON text of `value` (as `JSON.stringify` would write it,
 * without `toJSON`), and whether that is all of it. Iterative, so any depth; stops as soon as the
 * head is full, so a large value costs no more than its head.
 */
const jsonHead = (value: unknown, maxChars: number): { head: string; complete: boolean } => {
  let head = '';
  const stack: Token[] = [{ value }];
  while (stack.length) {
    if (head.length >= maxChars) return { head: head.slice(0, maxChars), complete: false };
    const token = stack.pop()!;
    if ('text' in token) {
      head += token.text;
      continue;
    }
    const current = token.value;
    if (typeof current !== 'object' || current === null) {
      head += scalarText(current) ?? 'null';
      continue;
    }
    const entries: Token[][] = Array.isArray(current)
      ? current.map((item) => [{ value: item }])
      : Object.entries(current)
          .filter(
            ([, inner]) => (typeof inner === 'object' && inner !== null) || scalarText(inner) !== undefined,
          )
          .map(([key, inner]) => [{ text: `${JSON.stringify(key)}:` }, { value: inner }]);
    const [open, close] = Array.isArray(current) ? ['[', ']'] : ['{', '}'];
    const tokens: Token[] = [{ text: open }];
    entries.forEach((entry, index) => tokens.push(...(index ? [{ text: ',' }] : []), ...entry));
    tokens.push({ text: close });
    for (let index = tokens.length - 1; index >= 0; index -= 1) stack.push(tokens[index]!);
  }
  return { head, complete: head.length <= maxChars };
};

/**
 * `value` when it is safe to serialize whole (at most `MAX_JSON_DEPTH` deep and `maxChars` of JSON
 * text), else a stand-in that says why and keeps the head of its text: what a record or an OCSF
 * `data` object can carry of an event of any shape.
 */
const boundedJson = (
  value: unknown,
  { maxChars, headChars }: { maxChars: number; headChars: number },
): unknown => {
  const depth = jsonDepth(value);
  if (depth > MAX_JSON_DEPTH) return { truncated: true, depth, head: jsonHead(value, headChars).head };
  const text = JSON.stringify(value) ?? 'undefined';
  if (text.length <= maxChars) return value;
  return { truncated: true, bytes: text.length, head: text.slice(0, headChars) };
};

export { jsonDepth, jsonHead, boundedJson, MAX_JSON_DEPTH };
