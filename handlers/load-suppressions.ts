import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as z from 'zod/mini';
import { sanctionedTaskRules } from '../detection/suppression/sanctioned-tasks.ts';
import { expiredRules } from '../detection/suppression/suppression-for.ts';
import { SanctionedTasksConfigSchema } from '../schemas/sanctioned-tasks-config.ts';
import { SuppressionConfigSchema } from '../schemas/suppression-config.ts';
import type { SuppressionRule } from '../schemas/suppression-config.ts';
import type { Logger } from '../adapters/logger.ts';
import { ConfigError } from './load-config.ts';

/**
 * A JSON file read with `schema`; undefined when it does not exist (an optional deployment). A file
 * that exists but is not valid is an error that names every problem: silently dropping a rule would
 * page people, silently keeping a wrong one would hide root use.
 */
const readRulesFile = <T extends z.ZodMiniType>(
  path: string,
  schema: T,
  what: string,
  { required = false } = {},
): z.output<T> | undefined => {
  if (!existsSync(path)) {
    if (required) throw new ConfigError(`rootwatch: no ${what} file at ${path}`);
    return undefined;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`rootwatch: cannot read ${what} ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(`rootwatch: invalid ${what} ${path}:\n${z.prettifyError(parsed.error)}`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
};

/** The suppression rules of a file (docs/incidents-and-suppression.md); none when the file does not exist. */
const loadSuppressions = (path: string, options: { required?: boolean } = {}): SuppressionRule[] =>
  readRulesFile(path, SuppressionConfigSchema, 'suppressions', options)?.rules ?? [];

/**
 * The sanctioned root tasks of a file (docs/tampering-and-takeover.md), as the suppression rules they
 * amount to; none when the file does not exist.
 */
const loadSanctionedTasks = (path: string, options: { required?: boolean } = {}): SuppressionRule[] =>
  sanctionedTaskRules(
    readRulesFile(path, SanctionedTasksConfigSchema, 'sanctioned root tasks', options)?.tasks ?? [],
  );

interface DeployedFiles {
  /** Lambda's LAMBDA_TASK_ROOT; the working directory without one. */
  taskRoot: string | undefined;
  logger: Logger;
  now: Date;
}

/** Rules deployed with a function, each one expired at `now` logged: it no longer applies, someone should renew or remove it. */
const deployed = (
  rules: SuppressionRule[],
  { logger, now }: DeployedFiles,
  message: string,
): SuppressionRule[] => {
  for (const rule of expiredRules(rules, now))
    logger.warn({ ruleId: rule.id, expires: rule.expires }, message);
  return rules;
};

/** The suppression rules deployed with a function: `file` under the task root. */
const loadDeployedSuppressions = (file: string, options: DeployedFiles): SuppressionRule[] =>
  deployed(
    loadSuppressions(resolve(options.taskRoot ?? process.cwd(), file)),
    options,
    'suppression rule expired: it no longer applies',
  );

/** The sanctioned root tasks deployed with a function: `file` under the task root. */
const loadDeployedSanctionedTasks = (file: string, options: DeployedFiles): SuppressionRule[] =>
  deployed(
    loadSanctionedTasks(resolve(options.taskRoot ?? process.cwd(), file)),
    options,
    'sanctioned root task expired: it no longer applies',
  );

export { loadSuppressions, loadSanctionedTasks, loadDeployedSuppressions, loadDeployedSanctionedTasks };
