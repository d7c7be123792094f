import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../../layers.config.js';
import { REPO_ROOT } from '../helpers/paths.ts';

const eslint = new ESLint({ cwd: REPO_ROOT });

/** The rule ids ESLint reports for `code` as if it were the file `path` of the repository. */
const violations = async (path: string, code: string): Promise<string[]> => {
  const [result] = await eslint.lintText(code, { filePath: join(REPO_ROOT, path) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? 'parse-error');
};

/** Every ordered pair of parts, with whether ARCHITECTURE.md allows the arrow (code, or types only). */
const ARROWS = LAYERS.flatMap((from) =>
  LAYERS.filter((to) => to.folder !== from.folder).map((to) => ({
    from: from.folder,
    to: to.folder,
    code: from.uses.includes(to.folder),
    types: from.uses.includes(to.folder) || Boolean(from.typesFrom?.includes(to.folder)),
  })),
);

describe('Lint: import boundaries (layers.config.js, drawn in ARCHITECTURE.md)', () => {
  it.each(ARROWS)('$from/ importing code from $to/: allowed $code', async ({ from, to, code }) => {
    // Act, in a TypeScript file two folders down and in a plain JavaScript module
    const deep = await violations(
      `${from}/a/b/probe.ts`,
      `import { x } from '../../../${to}/target.ts';\nexport { x };\n`,
    );
    const script = await violations(
      `${from}/probe.mjs`,
      `import { x } from '../${to}/target.ts';\nexport { x };\n`,
    );

    // Assess
    const expected = code ? [] : ['no-restricted-imports'];
    expect(deep).toStrictEqual(expected);
    expect(script).toStrictEqual(expected);
  });

  it.each(ARROWS.filter((arrow) => !arrow.code))(
    '$from/ importing types from $to/: allowed $types',
    async ({ from, to, types }) => {
      // Act
      const rules = await violations(
        `${from}/probe.ts`,
        `import type { X } from '../${to}/target.ts';\nexport type { X };\n`,
      );

      // Assess
      expect(rules).toStrictEqual(types ? [] : ['no-restricted-imports']);
    },
  );

  it.each(LAYERS.filter((layer) => layer.pure).map((layer) => layer.folder))(
    'keeps %s/ pure: no AWS SDK, CDK, pino, Node I/O, environment or classic zod',
    async (folder) => {
      // Act
      const results = await Promise.all(
        [
          "import { S3Client } from '@aws-sdk/client-s3';\nexport { S3Client };\n",
          "import { App } from 'aws-cdk-lib';\nexport { App };\n",
          "import pino from 'pino';\nexport { pino };\n",
          "import { readFile } from 'node:fs/promises';\nexport { readFile };\n",
          "import * as z from 'zod';\nexport { z };\n",
          'export const bus = process.env.ROOTWATCH_ALERT_BUS;\n',
        ].map((code) => violations(`${folder}/probe.ts`, code)),
      );

      // Assess
      expect(results.map((rules) => rules.length > 0)).toStrictEqual([true, true, true, true, true, true]);
    },
  );

  it.each([
    { path: 'scan/probe.ts', allowed: false },
    { path: 'handlers/root-activity/make-handler-probe.ts', allowed: false },
    { path: 'cli/commands/probe.ts', allowed: false },
    { path: 'handlers/root-activity/aws-deps.ts', allowed: true },
    { path: 'adapters/probe.ts', allowed: true },
  ])('lets $path build AWS clients: $allowed', async ({ path, allowed }) => {
    // Act
    const rules = await violations(
      path,
      "import { S3Client } from '@aws-sdk/client-s3';\nexport { S3Client };\n",
    );

    // Assess
    expect(rules).toStrictEqual(allowed ? [] : ['no-restricted-imports']);
  });

  it('lets infra/ take the event patterns from detection/, and nothing else there', async () => {
    // Act
    const pattern = await violations(
      'infra/probe.ts',
      "import { ROOT_ACTIVITY_PATTERN } from '../detection/rule-pattern.ts';\nexport { ROOT_ACTIVITY_PATTERN };\n",
    );
    const detector = await violations(
      'infra/probe.ts',
      "import { Detector } from '../detection/detector.ts';\nexport { Detector };\n",
    );

    // Assess
    expect(pattern).toStrictEqual([]);
    expect(detector).toStrictEqual(['no-restricted-imports']);
  });

  it('keeps the library face to the pure core', async () => {
    // Act
    const core = await violations('index.ts', "export { Detector } from './detection/detector.ts';\n");
    const adapter = await violations('index.ts', "export { createLogger } from './adapters/logger.ts';\n");

    // Assess
    expect(core).toStrictEqual([]);
    expect(adapter).toStrictEqual(['no-restricted-imports']);
  });
});
