/**
 * `JSON.stringify` of a value that came from `JSON.parse` (objects, arrays, strings, numbers,
 * booleans, null), at any nesting depth: V8's own is recursive and throws past some 9,000 levels
 * (its structured clone, for messages between threads, gives up near 2,000). The native call is
 * tried first; the fallback walks with a stack of its own.
 */
const jsonText = (value: unknown): string => {
  try {
    return JSON.stringify(value);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
  }
  const out: string[] = [];
  // Pending work, last first: a value to write, or literal text (a comma, a key, a closing bracket).
  const stack: Array<{ value: unknown } | { text: string }> = [{ value }];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if ('text' in next) {
      out.push(next.text);
      continue;
    }
    const current = next.value;
    if (current === null || typeof current !== 'object') {
      out.push(JSON.stringify(current));
      continue;
    }
    const array = Array.isArray(current);
    const entries: Array<[string | undefined, unknown]> = array
      ? current.map((element) => [undefined, element])
      : Object.entries(current);
    stack.push({ text: array ? ']' : '}' });
    for (let index = entries.length - 1; index >= 0; index -= 1) {
      const [key, element] = entries[index]!;
      stack.push({ value: element });
      const prefix = (index > 0 ? ',' : '') + (key === undefined ? '' : `${JSON.stringify(key)}:`);
      if (prefix) stack.push({ text: prefix });
    }
    out.push(array ? '[' : '{');
  }
  return out.join('');
};

export { jsonText };
