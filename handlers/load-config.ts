import * as z from 'zod/mini';

class ConfigError extends Error {
  override name = 'ConfigError';
}

/** A function's settings from its environment; throws a ConfigError naming every bad variable. */
const loadConfig = <T extends z.ZodMiniType>(
  schema: T,
  env: Record<string, string | undefined>,
): z.output<T> => {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new ConfigError(`rootwatch: invalid configuration:\n${z.prettifyError(parsed.error)}`, {
    cause: parsed.error,
  });
};

export { loadConfig, ConfigError };
