import * as z from 'zod/mini';
import { CredentialSchema } from './finding-enums.ts';
import { IsoDateTimeSchema } from './iso-datetime.ts';
import './zod-english.ts';

/** The default-policy rules that make a finding critical: each must be named to be suppressed. */
const CRITICAL_RULES = [
  'sign-in-without-mfa',
  'long-term-access-key',
  'root-credential-created-or-weakened',
  'logging-change',
  'detector-tampering',
  'member-root-email-change',
  'root-password-task',
] as const;

/**
 * The AWS managed task policies `sts:AssumeRoot` accepts (`arn:aws:iam::aws:policy/root-task/<name>`).
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoot.html
 */
const TASK_POLICIES = [
  'IAMAuditRootUserCredentials',
  'IAMCreateRootUserPassword',
  'IAMDeleteRootUserCredentials',
  'S3UnlockBucketPolicy',
  'SQSUnlockQueuePolicy',
] as const;

const nonEmpty = <T extends z.ZodMiniType>(item: T) => z.optional(z.array(item).check(z.minLength(1)));
const cidr = z.string().check(
  z.regex(/^(\d{1,3}(\.\d{1,3}){3}\/\d{1,2}|[0-9a-fA-F:]+\/\d{1,3})$/, {
    error: 'expected a CIDR block such as 198.51.100.0/24',
  }),
);
const principalArn = z
  .string()
  .check(z.regex(/^arn:aws[\w-]*:(iam|sts)::\d{12}:/, { error: 'expected an IAM role or STS session ARN' }));

/** When a rule applies: every field listed must match (AND); within a field, any value (OR). */
const SuppressionMatchSchema = z
  .strictObject({
    accounts: nonEmpty(z.string()),
    /** The event's time falls in this window (a planned break-glass, a maintenance). */
    window: z.optional(z.strictObject({ start: IsoDateTimeSchema, end: IsoDateTimeSchema })),
    sourceCidrs: nonEmpty(cidr),
    credentials: nonEmpty(CredentialSchema),
    eventNames: nonEmpty(z.string()),
    /** The principal that started the centralized-root session: its role ARN, or the exact session ARN. */
    assumeRootCallers: nonEmpty(principalArn),
    /** The task policy of the centralized-root session (`sts:AssumeRoot`), by name. */
    taskPolicies: nonEmpty(z.enum(TASK_POLICIES)),
  })
  .check(
    z.refine((match) => Object.keys(match).length > 0, {
      error: 'a rule needs at least one condition: a rule without one would silence every finding',
    }),
  );

/**
 * One approved exception: what it matches, why (a ticket), until when. An expired rule stops
 * matching and is reported. A critical finding is suppressed only by a rule that names its
 * default-policy rule in `critical` (long-term key use, sign-in without MFA, credential weakening,
 * logging changes, detector tampering, a member's root email changed by the organisation, a root
 * password created through `sts:AssumeRoot`).
 * @example
 * { "id": "break-glass-2026-12", "reason": "CHG-4711: annual break-glass test",
 *   "expires": "2026-12-03T00:00:00Z",
 *   "match": { "accounts": ["111122223333"], "window": { "start": "2026-12-02T09:00:00Z", "end": "2026-12-02T12:00:00Z" },
 *              "sourceCidrs": ["198.51.100.0/24"] },
 *   "critical": ["sign-in-without-mfa"] }
 */
const SuppressionRuleSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'use lower-case words joined by "-"' })),
  reason: z.string().check(z.minLength(3)),
  expires: IsoDateTimeSchema,
  match: SuppressionMatchSchema,
  critical: nonEmpty(z.enum(CRITICAL_RULES)),
});

/** The versioned suppression file: `rootwatch classify|replay --suppressions FILE`, and the Lambda's deployed copy. */
const SuppressionConfigSchema = z.strictObject({
  version: z.literal(1),
  rules: z.array(SuppressionRuleSchema),
});

type SuppressionRule = z.infer<typeof SuppressionRuleSchema>;
type TaskPolicy = (typeof TASK_POLICIES)[number];
type CriticalRule = (typeof CRITICAL_RULES)[number];
type SuppressionConfig = z.infer<typeof SuppressionConfigSchema>;

export { SuppressionConfigSchema, SuppressionRuleSchema, CRITICAL_RULES, TASK_POLICIES, principalArn };
export type { SuppressionRule, SuppressionConfig, TaskPolicy, CriticalRule };
