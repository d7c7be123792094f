import type { SanctionedTask } from '../../schemas/sanctioned-tasks-config.ts';
import type { SuppressionRule } from '../../schemas/suppression-config.ts';

/** Where a sanctioned task shows on the findings it covers: `suppression.ruleId` is `sanctioned:<id>`. */
const SANCTIONED_PREFIX = 'sanctioned:';

/**
 * A sanctioned root task as the suppression rule it amounts to: it matches the AssumeRoot call with
 * one of its task policies by one of its callers (on its accounts, in its window) and every finding
 * of the session that call opened (the `assumed-root` findings carry the same caller and task policy),
 * and, like every rule, a critical finding only when `critical` names why it is critical. Applied
 * with the suppressions, so a sanctioned task is recorded and never pages.
 */
const sanctionedTaskRule = (task: SanctionedTask): SuppressionRule => ({
  id: `${SANCTIONED_PREFIX}${task.id}`,
  reason: `sanctioned root task: ${task.reason}`,
  expires: task.expires,
  match: {
    taskPolicies: task.taskPolicies,
    assumeRootCallers: task.callers,
    ...(task.accounts && { accounts: task.accounts }),
    ...(task.window && { window: task.window }),
  },
  ...(task.critical && { critical: task.critical }),
});

const sanctionedTaskRules = (tasks: readonly SanctionedTask[]): SuppressionRule[] =>
  tasks.map(sanctionedTaskRule);

export { sanctionedTaskRules, SANCTIONED_PREFIX };
