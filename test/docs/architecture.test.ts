import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INFRA_PATTERN_FILES, LAYERS } from '../../layers.config.js';
import { tableAfter } from '../helpers/markdown.ts';

const PAGE = readFileSync(new URL('../../ARCHITECTURE.md', import.meta.url), 'utf8');
const ROWS = tableAfter(PAGE, '## The parts');

/** The folders a cell names as `folder/`, leaving out what it says in parentheses (the exceptions). */
const foldersIn = (cell: string): string[] =>
  [...cell.replace(/\([^)]*\)/g, '').matchAll(/`([a-z-]+)\/`/g)].map((match) => match[1]!);

/** The row of ARCHITECTURE.md's table of parts that describes `folder`. */
const rowOf = (folder: string) => {
  const row = ROWS.find(([part]) => part === `\`${folder}/\``);
  if (!row) return undefined;
  const [, holds = '', pure = '', uses = '', types = ''] = row;
  return { holds, pure: pure === 'yes', uses: foldersIn(uses), types: foldersIn(types), usesCell: uses };
};

describe('Docs: ARCHITECTURE.md draws layers.config.js', () => {
  it('has one row per part, and no other', () => {
    // Act
    const parts = ROWS.map(([part]) => part);

    // Assess
    expect(parts).toStrictEqual(LAYERS.map((layer) => `\`${layer.folder}/\``));
  });

  it.each(LAYERS)(
    '$folder/: the arrows, the types-only arrows and purity are those lint enforces',
    (layer) => {
      // Act
      const row = rowOf(layer.folder);

      // Assess
      expect(row).toBeDefined();
      expect(row!.holds).not.toBe('');
      expect(row!.uses.sort()).toStrictEqual([...layer.uses].sort());
      expect(row!.types.sort()).toStrictEqual([...(layer.typesFrom ?? [])].sort());
      expect(row!.pure).toBe(Boolean(layer.pure));
    },
  );

  it('names the files of detection/ that infra/ may import', () => {
    // Act
    const cell = rowOf('infra')?.usesCell ?? '';

    // Assess
    expect(INFRA_PATTERN_FILES.filter((file) => !cell.includes(basename(file)))).toStrictEqual([]);
  });
});
