import { describe, expect, it } from 'vitest';
import { jsonText } from '../../../scan/workers/json-text.ts';

/** The depth of a parsed value, walked without recursion. */
const depthOf = (value: unknown): number => {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    deepest = Math.max(deepest, depth);
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
};

describe('Scan workers: records as JSON text between threads', () => {
  it.each([
    { scenario: 'a record', value: { a: [1, 'two', null, true, { b: -1.5e-7 }], 'c"d': '\u2028\n' } },
    { scenario: 'an empty object and array', value: { a: {}, b: [] } },
    { scenario: 'a string', value: 'Root' },
  ])('writes what JSON.stringify writes: $scenario', ({ value }) => {
    expect(jsonText(value)).toBe(JSON.stringify(value));
  });

  it.each([{ depth: 2_000 }, { depth: 100_000 }])(
    'writes a value nested $depth levels deep, which JSON.parse reads back whole',
    ({ depth }) => {
      // Prepare: parsed from text, as the reader parses records (JSON.parse does not recurse).
      const value: unknown = JSON.parse(`${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}`);

      // Act
      const text = jsonText(value);

      // Assess
      expect(depthOf(JSON.parse(text))).toBe(2 * depth);
    },
  );
});
