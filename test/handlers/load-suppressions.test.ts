import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../handlers/load-config.ts';
import { loadSanctionedTasks, loadSuppressions } from '../../handlers/load-suppressions.ts';
import { REPO_ROOT } from '../helpers/paths.ts';

const scratch = () => mkdtempSync(join(tmpdir(), 'rootwatch-suppressions-'));
const CONFIG_FILES = readdirSync(join(REPO_ROOT, 'config')).filter((name) => name.startsWith('suppressions'));
const SANCTIONED_FILES = readdirSync(join(REPO_ROOT, 'config')).filter((name) =>
  name.startsWith('sanctioned-root-tasks'),
);

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

  it.each(SANCTIONED_FILES)('config/%s is a valid sanctioned root task file', (name) => {
    // Act
    const rules = loadSanctionedTasks(join(REPO_ROOT, 'config', name), { required: true });

    // Assess: each task is the suppression rule it amounts to
    for (const rule of rules) {
      expect(rule.id).toMatch(/^sanctioned:/);
      expect(rule.match.taskPolicies?.length).toBeGreaterThan(0);
      expect(rule.match.assumeRootCallers?.length).toBeGreaterThan(0);
    }
  });

  it('names the file and every problem of an invalid sanctioned root task file', () => {
    // Prepare: no callers (it would sanction anyone) and a task policy AssumeRoot does not have
    const file = join(scratch(), 'sanctioned-root-tasks.json');
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        tasks: [
          {
            id: 'any-caller',
            reason: 'SEC-1: too broad',
            expires: '2027-01-01T00:00:00Z',
            taskPolicies: ['IAMDoEverything'],
            callers: [],
          },
        ],
      }),
    );

    // Act
    const error = (() => {
      try {
        loadSanctionedTasks(file);
        return undefined;
      } catch (caught) {
        return caught as Error;
      }
    })();

    // Assess
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.message).toContain(`invalid sanctioned root tasks ${file}`);
    for (const path of ['tasks[0].callers', 'tasks[0].taskPolicies[0]'])
      expect(error!.message).toContain(path);
  });
});
