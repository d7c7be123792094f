import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEPLOY_SETTINGS } from '../../schemas/deploy-config.ts';
import { REPO_ROOT } from '../helpers/paths.ts';

/** The first cell of each row of the settings table in docs/deploy-and-settings.md ("Settings"). */
const documentedSettings = (): string[] => {
  const page = readFileSync(join(REPO_ROOT, 'docs', 'deploy-and-settings.md'), 'utf8');
  return [...page.matchAll(/^\| `([a-zA-Z]+)` +\|/gm)].map((match) => match[1]!);
};

describe('Docs: every deploy setting has its row', () => {
  it.each(DEPLOY_SETTINGS)('%s is in the settings table of docs/deploy-and-settings.md', (setting) => {
    // Act
    const documented = documentedSettings();

    // Assess
    expect(documented).toContain(setting);
  });

  it('documents no setting that the schema does not read', () => {
    // Act
    const unknown = documentedSettings().filter((name) => !(DEPLOY_SETTINGS as string[]).includes(name));

    // Assess
    expect(unknown).toStrictEqual([]);
  });
});
