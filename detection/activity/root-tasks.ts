import { ROOT_PASSWORD_TASK, taskPolicyArnOf, taskPolicyName } from '../takeover/root-tasks.ts';
import type { ActivityRule } from './activity-rule.ts';

const isAssumeRoot = (record: { eventSource: string; eventName: string }): boolean =>
  record.eventSource === 'sts.amazonaws.com' && record.eventName === 'AssumeRoot';

/**
 * `sts:AssumeRoot` for the task that creates the member's root password: it re-enables the root
 * sign-in (and password recovery) that centralized root access removed [IAM-PRIV], [IAM-CENTRAL].
 */
const rootPasswordTask: ActivityRule = {
  id: 'root-password-task',
  activity: 'root-password-task',
  source: '[STS-AR] TaskPolicyArn IAMCreateRootUserPassword; [IAM-PRIV]',
  applies: (record) => isAssumeRoot(record) && taskPolicyName(taskPolicyArnOf(record)) === ROOT_PASSWORD_TASK,
};

/** Any other `sts:AssumeRoot` task: audit, delete root credentials, unlock a bucket or queue policy. */
const rootTask: ActivityRule = {
  id: 'root-task',
  activity: 'root-task',
  source: '[STS-AR] the root-task managed policies; [IAM-PRIV]',
  applies: isAssumeRoot,
};

export { rootPasswordTask, rootTask };
