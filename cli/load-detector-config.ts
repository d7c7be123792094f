import { readFile } from 'node:fs/promises';
import * as z from 'zod/mini';
import { describeReadError } from '../scan/sources/fs-problems.ts';
import { DetectorConfigSchema } from '../schemas/detector-config.ts';
import type { DetectorConfig } from '../schemas/detector-config.ts';

class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The detector config from a JSON file, or the defaults. Errors name the file and every bad field. */
const loadDetectorConfig = async (path: string | undefined): Promise<DetectorConfig> => {
  if (!path) return DetectorConfigSchema.parse({});
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`cannot read config ${path}: ${describeReadError(error, path)}`, { cause: error });
  }
  const parsed = DetectorConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(`invalid config ${path}:\n${z.prettifyError(parsed.error)}`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
};

export { loadDetectorConfig, ConfigError };
