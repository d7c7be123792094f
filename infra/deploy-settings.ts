import { readFileSync } from 'node:fs';
import type { Node } from 'constructs';
import * as z from 'zod/mini';
import { DEPLOY_SETTINGS, DeployConfigSchema } from '../schemas/deploy-config.ts';
import type { DeployConfig } from '../schemas/deploy-config.ts';

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

/**
 * The deploy settings: the JSON file named by the `config` context key, then each setting given as
 * context (`-c alertEmails=soc@example.com`, or in cdk.json), context winning; validated by
 * `DeployConfigSchema`, failing with every problem named.
 * @see https://docs.aws.amazon.com/cdk/v2/guide/context.html
 */
const readDeploySettings = (node: Node): DeployConfig => {
  const file = node.tryGetContext('config') as unknown;
  if (file !== undefined && typeof file !== 'string') {
    throw new DeploySettingsError('the config context value must be the path of a JSON file');
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
