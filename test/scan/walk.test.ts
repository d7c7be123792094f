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
      const node = at(folder);
      if (node instanceof Error)
        return {
          [Symbol.asyncIterator]: () => ({
            next: async () => {
              throw node;
            },
          }),
        };
      const entries: SourceEntry[] = Object.entries(node as Record<string, unknown>).map(
        ([name, child]): SourceEntry =>
          child instanceof Error || typeof child === 'object'
            ? { kind: 'folder', key: `${folder}/${name}` }
            : child === 'link-to-folder'
              ? { kind: 'skipped', key: `${folder}/${name}`, reason: 'a link to a folder' }
              : { kind: 'object', key: `${folder}/${name}` },
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

  it('reports a folder whose listing fails, a missing root and a skipped entry, and walks on', async () => {
    // Arrange
    const denied = Object.assign(new Error('EACCES: permission denied, scandir'), { code: 'EACCES' });
    const { source } = treeSource({
      a: { 'x.json': '', locked: denied, 'y.json': '', linked: 'link-to-folder' },
      'z.json': '',
    });
    source.stat = async (key) => {
      if (key === 'gone')
        throw Object.assign(new Error('ENOENT: no such file or directory, stat'), { code: 'ENOENT' });
      return { kind: 'folder', key };
    };

    // Act
    const entries: unknown[] = [];
    for (const root of ['root', 'gone'])
      for await (const entry of walkObjects(source, root)) entries.push(entry);

    // Assess
    expect(entries).toStrictEqual([
      { kind: 'object', key: 'root/a/x.json' },
      {
        key: 'root/a/locked',
        problem:
          'cannot list this folder: permission denied (check its permissions, or run as a user who may read it)',
      },
      { kind: 'object', key: 'root/a/y.json' },
      { key: 'root/a/linked', problem: 'a link to a folder' },
      { kind: 'object', key: 'root/z.json' },
      { key: 'gone', problem: 'no such file or directory' },
    ]);
  });
});
