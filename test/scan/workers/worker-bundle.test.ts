import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO_ROOT = new URL('../../..', import.meta.url).pathname;
const WORKER = join(REPO_ROOT, 'dist/cli/scan-worker.mjs');

/** The built files a module loads at its start: its static imports, followed (dynamic ones wait for their use). */
const loadedAtStart = (entry: string): Map<string, string> => {
  const loaded = new Map<string, string>();
  const visit = (file: string) => {
    if (loaded.has(file)) return;
    const code = readFileSync(file, 'utf8');
    loaded.set(file, code);
    for (const [, specifier] of code.matchAll(/^(?:import|export)\b[^;]*?from\s*"(\.[^"]+)"/gms))
      visit(join(dirname(file), specifier!));
    for (const [, specifier] of code.matchAll(/^import\s*"(\.[^"]+)"/gm))
      visit(join(dirname(file), specifier!));
  };
  visit(entry);
  return loaded;
};

describe('Scan: what a scan worker loads at its start (npm run build)', () => {
  it('loads its reader, gunzip and scanners from a few chunks, and neither zod nor the AWS SDK', () => {
    // Prepare and run
    const loaded = loadedAtStart(WORKER);
    const code = [...loaded.values()].join('\n');
    // Assert: the worker is its own code (the chunks followed), and zod's 100 KB are not in it:
    // they cost every worker's start, and nothing in a worker validates with zod.
    expect(code).toContain('// scan/documents/reused-gunzip.ts');
    expect(code).not.toContain('// node_modules/zod/');
    expect(code).not.toMatch(/from\s*"@aws-sdk\//);
  });
});
