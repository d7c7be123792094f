import * as z from 'zod/mini';
import { HANDLER_ENV } from './handler-config.ts';
import './zod-english.ts';

/**
 * The Security Hub import function's settings. It needs no other: it imports into its own account
 * and Region (the custom integration's default product), which Lambda tells it.
 */
const SecurityHubImportConfigSchema = z.object({
  [HANDLER_ENV.logLevel]: z._default(
    z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']),
    'info',
  ),
});

type SecurityHubImportConfig = z.infer<typeof SecurityHubImportConfigSchema>;

export { SecurityHubImportConfigSchema };
export type { SecurityHubImportConfig };
