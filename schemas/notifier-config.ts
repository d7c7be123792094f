import * as z from 'zod/mini';
import { HANDLER_ENV } from './handler-config.ts';
import './zod-english.ts';

/** The environment variable names of the notifier, shared with the CDK stack that sets them. */
const NOTIFIER_ENV = {
  topicArn: 'ROOTWATCH_ALERT_TOPIC_ARN',
  logLevel: HANDLER_ENV.logLevel,
  /** The detector's incident table, where the ids of published alerts are kept (when incidents are on). */
  incidentTable: HANDLER_ENV.incidentTable,
} as const;

/** The notifier's settings, from its environment, parsed once at cold start. */
const NotifierConfigSchema = z.object({
  /** The SNS topic that emails the alerts (and feeds chat). */
  [NOTIFIER_ENV.topicArn]: z
    .string()
    .check(
      z.regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[\w-]{1,256}$/, { error: 'expected an SNS topic ARN' }),
    ),
  [NOTIFIER_ENV.incidentTable]: z.optional(z.string().check(z.minLength(3), z.maxLength(255))),
  [NOTIFIER_ENV.logLevel]: z._default(
    z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']),
    'info',
  ),
});

type NotifierConfig = z.infer<typeof NotifierConfigSchema>;

export { NotifierConfigSchema, NOTIFIER_ENV };
export type { NotifierConfig };
