import * as z from 'zod/mini';

/**
 * Fails the synthesis, naming every bad variable, when a function's environment would not pass
 * the configuration schema the function parses at cold start: a wrong setting stops `cdk synth`,
 * not the first root event.
 */
const assertStartable = (
  construct: string,
  schema: z.core.$ZodType,
  environment: Readonly<Record<string, string>>,
): void => {
  const startable = z.safeParse(schema, environment);
  if (!startable.success)
    throw new Error(`${construct}: the function would not start:\n${z.prettifyError(startable.error)}`);
};

export { assertStartable };
