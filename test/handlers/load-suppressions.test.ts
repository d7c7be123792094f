import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../handlers/load-config.ts';
import { loadSuppressions } from '../../handlers/load-suppressions.ts';
import { REPO_ROOT } from '../helpers/paths.ts';

const scratch = () => mkdtempSync(join(tmpdir(), 'rootwatch-suppressions-'));
const CONFIG_FILES = readdirSync(join(REPO_ROOT, 'config')).filter((name) => name.startsWith('suppressions'));

describe('Suppression files', () => {
  it.each(CONFIG_FILES)('config/%s is a valid suppression file', (name) => {
    // Act
    const rules = loadSuppressions(join(REPO_ROOT, 'config', name), { required: true });

    // Assess
    expect(Array.isArray(rules)).toBe(true);
  });

  it('reads no rules from a file that does not exist, unless one is required', () => {
    // Prepare
    const missing = join(scratch(), 'none.json');

    // Act
    const optional = loadSuppressions(missing);

    // Assess
    expect(optional).toStrictEqual([]);
    expect(() => loadSuppressions(missing, { required: true })).toThrow(ConfigError);
  });

  it('names the file and every problem of an invalid one', () => {
    // Prepare
    const file = join(scratch(), 'suppressions.json');
    writeFileSync(file, JSON.stringify({ version: 1, rules: [{ id: 'r', match: {} }] }));

    // Act
    const error = (() => {
      try {
        loadSuppressions(file);
        return undefined;
      } catch (caught) {
        return caught as Error;
      }
    })();

    // Assess
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.message).toContain(file);
    for (const field of ['reason', 'expires', 'match']) expect(error!.message).toContain(field);
  });

  it('names the file when it is not JSON', () => {
    // Prepare
    const file = join(scratch(), 'suppressions.json');
    writeFileSync(file, '{ "version": 1, rules: [] }');

    // Act / Assess
    expect(() => loadSuppressions(file)).toThrow(/cannot read suppressions .*suppressions\.json/);
  });
});
