import { describe, expect, it } from 'vitest';
import type { ObjectSource, SourceEntry } from '../../scan/sources/object-source.ts';
import { walkObjects } from '../../scan/sources/walk.ts';

/** A source over a tree of folders (objects) and files (strings), noting which listings were closed early. */
const treeSource = (tree: Record<string, unknown>) => {
  const closed: string[] = [];
  const at = (key: string): unknown =>
    key === 'root'
      ? tree
      : key
          .split('/')
          .slice(1)
          .reduce<unknown>((node, name) => (node as Record<string, unknown>)[name], tree);
  const source: ObjectSource = {
    descriptor: { kind: 'local' },
    async stat(key) {
      return typeof at(key) === 'object' ? { kind: 'folder', key } : { kind: 'object', key };
    },
    list(folder) {
      const entries: SourceEntry[] = Object.entries(at(folder) as Record<string, unknown>).map(
        ([name, node]) => ({
          kind: typeof node === 'object' ? 'folder' : 'object',
          key: `${folder}/${name}`,
        }),
      );
      let next = 0;
      return {
        [Symbol.asyncIterator]: () => ({
          next: async () =>
            next < entries.length
              ? { done: false, value: entries[next++]! }
              : { done: true, value: undefined },
          return: async () => {
            closed.push(folder);
            return { done: true, value: undefined };
          },
        }),
      };
    },
    read: async () => Buffer.alloc(0),
    locate: (key) => key,
  };
  return { source, closed };
};

const TREE = {
  a: { 'x.json.gz': '', b: { 'y.json': '', 'notes.txt': '' }, 'z.json': '' },
  skip: { 'w.json': '' },
  'v.jsonl': '',
};

describe('Scan: walking a source', () => {
  it('lists depth first in listed order, keeps only input files, prunes what the filter refuses', async () => {
    // Arrange
    const { source } = treeSource(TREE);
    const pruned: string[] = [];

    // Act
    const keys: string[] = [];
    for await (const object of walkObjects(
      source,
      'root',
      (key) => !key.endsWith('/skip'),
      (_, key) => pruned.push(key),
    ))
      keys.push(object.key);

    // Assess
    expect(keys).toStrictEqual(['root/a/x.json.gz', 'root/a/b/y.json', 'root/a/z.json', 'root/v.jsonl']);
    expect(pruned).toStrictEqual(['root/skip']);
  });

  it('closes the listings still open when its caller stops early', async () => {
    // Arrange
    const { source, closed } = treeSource(TREE);

    // Act
    for await (const object of walkObjects(source, 'root')) if (object.key.endsWith('y.json')) break;

    // Assess
    expect(closed).toStrictEqual(['root/a/b', 'root/a', 'root']);
  });
});
