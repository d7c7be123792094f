import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths.ts';

const eslint = new ESLint({ cwd: REPO_ROOT });

/** The rule ids ESLint reports for `code` as if it were the file `path` of the repository. */
const violations = async (path: string, code: string): Promise<string[]> => {
  const [result] = await eslint.lintText(code, { filePath: join(REPO_ROOT, path) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? 'parse-error');
};

describe('Lint: import boundaries', () => {
  it.each([
    {
      path: 'detection/probe.ts',
      code: "import { EventBridgeClient } from '@aws-sdk/client-eventbridge';\nexport { EventBridgeClient };\n",
      rule: 'no-restricted-imports',
    },
    {
      path: 'detection/probe.ts',
      code: "import pino from 'pino';\nexport { pino };\n",
      rule: 'no-restricted-imports',
    },
    {
      path: 'schemas/probe.ts',
      code: 'export const bus = process.env.ROOTWATCH_ALERT_BUS;\n',
      rule: 'no-restricted-globals',
    },
    {
      path: 'detection/probe.ts',
      code: "import { readFile } from 'node:fs/promises';\nexport { readFile };\n",
      rule: 'no-restricted-imports',
    },
    {
      path: 'schemas/probe.ts',
      code: "import { Detector } from '../detection/detector.ts';\nexport { Detector };\n",
      rule: 'no-restricted-imports',
    },
    {
      path: 'detection/probe.ts',
      code: "import * as z from 'zod';\nexport { z };\n",
      rule: 'no-restricted-imports',
    },
    {
      path: 'sinks/probe.ts',
      code: "import { main } from '../cli/main.ts';\nexport { main };\n",
      rule: 'no-restricted-imports',
    },
    {
      path: 'infra/probe.ts',
      code: "import { Detector } from '../detection/detector.ts';\nexport { Detector };\n",
      rule: 'no-restricted-imports',
    },
    {
      path: 'infra/probe.ts',
      code: "import { makeHandler } from '../handlers/root-activity/index.ts';\nexport { makeHandler };\n",
      rule: 'no-restricted-imports',
    },
    {
      path: 'infra/probe.ts',
      code: "import * as z from 'zod';\nexport { z };\n",
      rule: 'no-restricted-imports',
    },
    {
      path: 'scan/probe.ts',
      code: "import { main } from '../cli/main.ts';\nexport { main };\n",
      rule: 'no-restricted-imports',
    },
    {
      path: 'detection/probe.ts',
      code: "import { scanObject } from '../scan/scan-object.ts';\nexport { scanObject };\n",
      rule: 'no-restricted-imports',
    },
  ])('rejects $path with: $code', async ({ path, code, rule }) => {
    // Act
    const rules = await violations(path, code);

    // Assess
    expect(rules).toContain(rule);
  });

  it('accepts a sink implementing a port type the core declares, and refuses it the core code', async () => {
    // Act
    const typeOnly = await violations(
      'sinks/probe.ts',
      "import type { VersionedStore } from '../detection/incidents/versioned-store.ts';\nexport type S = VersionedStore;\n",
    );
    const code = await violations(
      'sinks/probe.ts',
      "import { update } from '../detection/incidents/versioned-store.ts';\nexport { update };\n",
    );

    // Assess
    expect(typeOnly).toStrictEqual([]);
    expect(code).toContain('no-restricted-imports');
  });

  it('accepts a handler importing the scan core (the scheduled completeness scan)', async () => {
    // Act
    const rules = await violations(
      'handlers/probe.ts',
      "import { scanArchive } from '../scan/scan-archive.ts';\nexport { scanArchive };\n",
    );

    // Assess
    expect(rules).toStrictEqual([]);
  });

  it('accepts the pure core importing schemas and zod/mini', async () => {
    // Act
    const rules = await violations(
      'detection/probe.ts',
      "import type { Finding } from '../schemas/finding.ts';\nimport * as z from 'zod/mini';\nexport const f = (x: Finding) => z.string().parse(x.eventId);\n",
    );

    // Assess
    expect(rules).toStrictEqual([]);
  });

  it('accepts infra importing the rule pattern and schemas', async () => {
    // Act
    const rules = await violations(
      'infra/probe.ts',
      "import { ROOT_ACTIVITY_PATTERN } from '../detection/rule-pattern.ts';\nimport { HANDLER_ENV } from '../schemas/handler-config.ts';\nexport const p = [ROOT_ACTIVITY_PATTERN, HANDLER_ENV];\n",
    );

    // Assess
    expect(rules).toStrictEqual([]);
  });
});
