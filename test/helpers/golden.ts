import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { expect } from 'vitest';
import { REPO_ROOT } from './paths.ts';

const GOLDEN_DIR = join(REPO_ROOT, 'test', 'golden');

/** `UPDATE_GOLDEN=1 npx vitest run …` rewrites the golden files instead of comparing with them. */
const updating = (): boolean => process.env.UPDATE_GOLDEN === '1';

/**
 * Compares `actual` with the reviewed golden file `test/golden/<name>`: any change of output fails
 * until the file is rewritten on purpose (UPDATE_GOLDEN=1) and the diff reviewed.
 */
const expectGolden = (name: string, actual: string): void => {
  const file = join(GOLDEN_DIR, name);
  if (updating()) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) {
    throw new Error(
      `no golden file ${relative(REPO_ROOT, file)}: write it with UPDATE_GOLDEN=1, then review it`,
    );
  }
  expect(actual, `${relative(REPO_ROOT, file)} (UPDATE_GOLDEN=1 rewrites it)`).toBe(
    readFileSync(file, 'utf8'),
  );
};

export { expectGolden, GOLDEN_DIR };
