import * as z from 'zod/mini';
import { DetectorConfigSchema } from './detector-config.ts';
import { SeveritySchema } from './finding-enums.ts';
import { JsonTextSchema } from './json-text.ts';
import './zod-english.ts';

/** The environment variable names the Lambda reads, shared with the CDK stack that sets them. */
const HANDLER_ENV = {
  alertBus: 'ROOTWATCH_ALERT_BUS',
  logGroup: 'ROOTWATCH_LOG_GROUP',
  alertMinSeverity: 'ROOTWATCH_ALERT_MIN_SEVERITY',
  logLevel: 'ROOTWATCH_LOG_LEVEL',
  detectorConfig: 'ROOTWATCH_DETECTOR_CONFIG',
  incidentTable: 'ROOTWATCH_INCIDENT_TABLE',
  incidentQuietMinutes: 'ROOTWATCH_INCIDENT_QUIET_MINUTES',
  suppressionsFile: 'ROOTWATCH_SUPPRESSIONS_FILE',
  livenessTable: 'ROOTWATCH_LIVENESS_TABLE',
} as const;

/**
 * The Lambda's settings, from its environment, parsed once at cold start: a wrong value fails the
 * init with every problem named, instead of failing an alert later. Endpoints and region are the
 * SDK's own (`AWS_REGION`, `AWS_ENDPOINT_URL`), so the same artifact runs against AWS or a local endpoint.
 */
const HandlerConfigSchema = z.object({
  /** Name or ARN of the event bus that receives alerts. */
  [HANDLER_ENV.alertBus]: z.string().check(z.minLength(1)),
  /** Log group that receives one record per delivered event. */
  [HANDLER_ENV.logGroup]: z
    .string()
    .check(z.regex(/^[\w\-./#]{1,512}$/, { error: 'expected a log group name' })),
  /** Findings below this severity are recorded, not alerted. */
  [HANDLER_ENV.alertMinSeverity]: z._default(SeveritySchema, 'low'),
  [HANDLER_ENV.logLevel]: z._default(
    z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']),
    'info',
  ),
  /** The detector settings (CIS versions, severity overrides) as JSON, as for `rootwatch classify --config`. */
  [HANDLER_ENV.detectorConfig]: z._default(z.pipe(JsonTextSchema, DetectorConfigSchema), () =>
    DetectorConfigSchema.parse({}),
  ),
  /** The DynamoDB table of incidents: one page per root session. Without it, every finding pages. */
  [HANDLER_ENV.incidentTable]: z.optional(
    z.string().check(z.regex(/^[\w.-]{3,255}$/, { error: 'expected a DynamoDB table name' })),
  ),
  /** A long-term key (or a burst of failed sign-ins) is one incident until quiet this long. */
  [HANDLER_ENV.incidentQuietMinutes]: z._default(
    z.pipe(z.string().check(z.regex(/^[1-9]\d*$/, { error: 'expected whole minutes' })), z.transform(Number)),
    60,
  ),
  /** The DynamoDB table of each forwarder's last liveness event (docs/coverage.md). Without it, liveness is only recorded. */
  [HANDLER_ENV.livenessTable]: z.optional(
    z.string().check(z.regex(/^[\w.-]{3,255}$/, { error: 'expected a DynamoDB table name' })),
  ),
  /** The suppression rules deployed with the function (relative to LAMBDA_TASK_ROOT); absent file: none. */
  [HANDLER_ENV.suppressionsFile]: z._default(z.string().check(z.minLength(1)), 'suppressions.json'),
});

type HandlerConfig = z.infer<typeof HandlerConfigSchema>;

export { HandlerConfigSchema, HANDLER_ENV };
export type { HandlerConfig };
