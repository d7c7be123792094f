import * as z from 'zod/mini';
import { IsoDateTimeSchema } from './iso-datetime.ts';
import { CRITICAL_RULES, principalArn, TASK_POLICIES } from './suppression-config.ts';
import './zod-english.ts';

const nonEmpty = <T extends z.ZodMiniType>(item: T) => z.array(item).check(z.minLength(1));
const accountId = z.string().check(z.regex(/^\d{12}$/, { error: 'expected a 12-digit AWS account id' }));

/**
 * One expected centralized-root task: which task policies which callers may use (`sts:AssumeRoot`),
 * optionally on which member accounts and when, why (a ticket) and until when. A sanctioned task is
 * recorded with this entry and does not page: neither the AssumeRoot call nor the actions of the
 * session it opened. As with suppressions, a critical finding is sanctioned only when `critical`
 * names the rule that made it critical (`root-password-task` for the call that creates a root
 * password, `root-credential-created-or-weakened` for the password it creates); an expired entry
 * sanctions nothing and is reported.
 * @example
 * { "id": "reset-member-root-passwords", "reason": "SEC-2048: root password resets for account recovery",
 *   "expires": "2027-01-31T00:00:00Z", "taskPolicies": ["IAMCreateRootUserPassword"],
 *   "callers": ["arn:aws:iam::999988887777:role/RootTaskRunbook"],
 *   "critical": ["root-password-task", "root-credential-created-or-weakened"] }
 */
const SanctionedTaskSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'use lower-case words joined by "-"' })),
  reason: z.string().check(z.minLength(3)),
  expires: IsoDateTimeSchema,
  taskPolicies: nonEmpty(z.enum(TASK_POLICIES)),
  /** Role ARNs (any session of the role) or exact session ARNs of the principals that call AssumeRoot. */
  callers: nonEmpty(principalArn),
  /** The member accounts the task may target; any account of the organisation without it. */
  accounts: z.optional(nonEmpty(accountId)),
  window: z.optional(z.strictObject({ start: IsoDateTimeSchema, end: IsoDateTimeSchema })),
  critical: z.optional(nonEmpty(z.enum(CRITICAL_RULES))),
});

/** The versioned file `config/sanctioned-root-tasks.json`, shipped beside the detector like the suppressions. */
const SanctionedTasksConfigSchema = z.strictObject({
  version: z.literal(1),
  tasks: z.array(SanctionedTaskSchema),
});

type SanctionedTask = z.infer<typeof SanctionedTaskSchema>;
type SanctionedTasksConfig = z.infer<typeof SanctionedTasksConfigSchema>;

export { SanctionedTaskSchema, SanctionedTasksConfigSchema };
export type { SanctionedTask, SanctionedTasksConfig };
