import * as z from 'zod/mini';
import { HandlerConfigSchema } from '../../schemas/handler-config.ts';
import type { HandlerConfig } from '../../schemas/handler-config.ts';

class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The handler's settings from an environment; throws a ConfigError naming every bad variable. */
const loadHandlerConfig = (env: Record<string, string | undefined>): HandlerConfig => {
  const parsed = HandlerConfigSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new ConfigError(`rootwatch: invalid configuration:\n${z.prettifyError(parsed.error)}`, {
    cause: parsed.error,
  });
};

export { loadHandlerConfig, ConfigError };
