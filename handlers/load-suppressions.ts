import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as z from 'zod/mini';
import { expiredRules } from '../detection/suppression/suppression-for.ts';
import { SuppressionConfigSchema } from '../schemas/suppression-config.ts';
import type { SuppressionRule } from '../schemas/suppression-config.ts';
import type { Logger } from '../adapters/logger.ts';
import { ConfigError } from './load-config.ts';

/**
 * The suppression rules of a file (docs/incidents-and-suppression.md); none when the file does not exist (an
 * optional deployment). A file that exists but is not valid is an error that names every problem:
 * silently dropping a rule would page people, silently keeping a wrong one would hide root use.
 */
const loadSuppressions = (path: string, { required = false } = {}): SuppressionRule[] => {
  if (!existsSync(path)) {
    if (required) throw new ConfigError(`rootwatch: no suppression file at ${path}`);
    return [];
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`rootwatch: cannot read suppressions ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const parsed = SuppressionConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(`rootwatch: invalid suppressions ${path}:\n${z.prettifyError(parsed.error)}`, {
      cause: parsed.error,
    });
  }
  return parsed.data.rules;
};

/**
 * The suppression rules deployed with a function: `file` under `taskRoot` (Lambda's
 * LAMBDA_TASK_ROOT; the working directory without one), each rule expired at `now` logged as a
 * warning, since it no longer applies and someone should renew or remove it.
 */
const loadDeployedSuppressions = (
  file: string,
  { taskRoot, logger, now }: { taskRoot: string | undefined; logger: Logger; now: Date },
): SuppressionRule[] => {
  const suppressions = loadSuppressions(resolve(taskRoot ?? process.cwd(), file));
  for (const rule of expiredRules(suppressions, now)) {
    logger.warn({ ruleId: rule.id, expires: rule.expires }, 'suppression rule expired: it no longer applies');
  }
  return suppressions;
};

export { loadSuppressions, loadDeployedSuppressions };
