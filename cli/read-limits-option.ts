import * as z from 'zod/mini';
import type { ReadLimits } from '../scan/documents/read-limits.ts';
import { readLimitsOf } from '../scan/documents/read-limits.ts';
import { MaxObjectMbSchema } from '../schemas/read-options.ts';
import { UsageError } from './usage-error.ts';

/** `--max-object-mb N`, for `parseArgs`: the commands that read files (classify, replay, audit; scan has its own schema). */
const READ_LIMIT_OPTIONS = { 'max-object-mb': { type: 'string' } } as const;

/** The read limits of `--max-object-mb` (the default without it), validated as scan validates it. */
const readLimitsOption = (value: string | undefined): ReadLimits => {
  const parsed = MaxObjectMbSchema.safeParse(value === undefined ? undefined : Number(value));
  if (!parsed.success) throw new UsageError(`--max-object-mb: ${z.prettifyError(parsed.error)}`);
  return readLimitsOf(parsed.data);
};

export { READ_LIMIT_OPTIONS, readLimitsOption };
