import { readFileSync } from 'node:fs';
import type { Node } from 'constructs';
import * as z from 'zod/mini';
import { DEPLOY_SETTINGS, DeployConfigSchema } from '../schemas/deploy-config.ts';
import type { DeployConfig } from '../schemas/deploy-config.ts';
import { didYouMean } from '../schemas/closest-name.ts';

/** The settings are wrong: the message names the source and every bad field. */
class DeploySettingsError extends Error {
  override name = 'DeploySettingsError';
}

const readConfigFile = (path: string): Record<string, unknown> => {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new DeploySettingsError(
      `cannot read the rootwatch deploy settings ${path}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
};

/** Context keys shaped like ours (camelCase words); CDK's own contain `:` or `-`, or start with `@`. */
const SETTING_SHAPE = /^[a-z][A-Za-z0-9]*$/;

/**
 * Context keys that look like a setting and are none: `-c alertEmail=…` would otherwise be ignored,
 * and a detector deployed without its alert subscriptions would say nothing.
 */
const unknownSettings = (node: Node): string[] =>
  Object.keys(node.getAllContext() as Record<string, unknown>).filter(
    (key) => SETTING_SHAPE.test(key) && key !== 'config' && !(DEPLOY_SETTINGS as string[]).includes(key),
  );

/**
 * The deploy settings: the JSON file named by the `config` context key, then each setting given as
 * context (`-c alertEmails=soc@example.com`, or in cdk.json), context winning; validated by
 * `DeployConfigSchema`, failing with every problem named, a misspelt context key included.
 * @see https://docs.aws.amazon.com/cdk/v2/guide/context.html
 */
const readDeploySettings = (node: Node): DeployConfig => {
  const file = node.tryGetContext('config') as unknown;
  if (file !== undefined && typeof file !== 'string') {
    throw new DeploySettingsError('the config context value must be the path of a JSON file');
  }
  const unknown = unknownSettings(node);
  if (unknown.length > 0) {
    throw new DeploySettingsError(
      `unknown rootwatch deploy settings in CDK context: ${unknown.map((key) => `${key}${didYouMean(key, DEPLOY_SETTINGS)}`).join(', ')}`,
    );
  }
  const fromFile = file ? readConfigFile(file) : {};
  const fromContext = Object.fromEntries(
    DEPLOY_SETTINGS.map((key) => [key, node.tryGetContext(key) as unknown]).filter(
      ([, value]) => value !== undefined,
    ),
  );
  const parsed = DeployConfigSchema.safeParse({ ...fromFile, ...fromContext });
  if (!parsed.success) {
    const sources = [file && `file ${file}`, Object.keys(fromContext).length > 0 && 'CDK context'].filter(
      Boolean,
    );
    throw new DeploySettingsError(
      `invalid rootwatch deploy settings (from ${sources.join(' and ') || 'defaults'}):\n${z.prettifyError(parsed.error)}`,
      { cause: parsed.error },
    );
  }
  return parsed.data;
};

export { readDeploySettings, DeploySettingsError };
