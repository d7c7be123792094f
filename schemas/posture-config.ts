import * as z from 'zod/mini';
import { DetectorConfigSchema } from './detector-config.ts';
import { HANDLER_ENV } from './handler-config.ts';
import { JsonTextSchema } from './json-text.ts';
import './zod-english.ts';

/** The environment variable names of the scheduled posture audit, shared with the CDK stack. */
const POSTURE_ENV = {
  ...HANDLER_ENV,
  stateTable: 'ROOTWATCH_POSTURE_TABLE',
  accounts: 'ROOTWATCH_AUDIT_ACCOUNTS',
  roleName: 'ROOTWATCH_AUDIT_ROLE_NAME',
  organizationFeatures: 'ROOTWATCH_AUDIT_ORGANIZATION_FEATURES',
  assumeRoot: 'ROOTWATCH_AUDIT_ASSUME_ROOT',
  windowDays: 'ROOTWATCH_AUDIT_WINDOW_DAYS',
  minAccountAgeDays: 'ROOTWATCH_AUDIT_MIN_ACCOUNT_AGE_DAYS',
} as const;

const accountList = z.pipe(
  z.string(),
  z.transform((text) =>
    text
      .split(',')
      .map((account) => account.trim())
      .filter(Boolean),
  ),
);
const flag = z._default(z.enum(['true', 'false']), 'false');
const wholeDays = z.pipe(
  z.string().check(z.regex(/^\d+$/, { error: 'expected whole days' })),
  z.transform(Number),
);

/**
 * The scheduled audit's settings, from its environment, parsed once at cold start. It audits its own
 * account, and each account of `ROOTWATCH_AUDIT_ACCOUNTS` through the read-only role
 * `ROOTWATCH_AUDIT_ROLE_NAME` that the forwarder stack deploys there.
 */
const PostureConfigSchema = z.object({
  [POSTURE_ENV.alertBus]: z.string().check(z.minLength(1)),
  [POSTURE_ENV.logGroup]: z.string().check(z.minLength(1)),
  [POSTURE_ENV.stateTable]: z.string().check(z.minLength(3)),
  [POSTURE_ENV.accounts]: z._default(accountList, []),
  [POSTURE_ENV.roleName]: z._default(
    z.string().check(z.regex(/^[\w+=,.@-]{1,64}$/)),
    'RootwatchPostureAudit',
  ),
  /** `true` where the function runs in the management or IAM delegated-administrator account. */
  [POSTURE_ENV.organizationFeatures]: flag,
  /** `true` to read member root login profiles in `sts:AssumeRoot` sessions (IAMAuditRootUserCredentials). */
  [POSTURE_ENV.assumeRoot]: flag,
  [POSTURE_ENV.windowDays]: z._default(wholeDays, 1),
  [POSTURE_ENV.minAccountAgeDays]: z._default(wholeDays, 30),
  [POSTURE_ENV.logLevel]: z._default(
    z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']),
    'info',
  ),
  [POSTURE_ENV.detectorConfig]: z._default(z.pipe(JsonTextSchema, DetectorConfigSchema), () =>
    DetectorConfigSchema.parse({}),
  ),
});

type PostureConfig = z.infer<typeof PostureConfigSchema>;

export { PostureConfigSchema, POSTURE_ENV };
export type { PostureConfig };
