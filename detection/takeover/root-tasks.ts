import { field } from '../root-relation.ts';

/** The task policy that lets an `sts:AssumeRoot` session create the member's root password [IAM-PRIV]. */
const ROOT_PASSWORD_TASK = 'IAMCreateRootUserPassword';
/** The read-only task policy: it lists the member's root credentials and changes nothing. */
const ROOT_AUDIT_TASK = 'IAMAuditRootUserCredentials';

/**
 * `requestParameters.taskPolicyArn` of an AssumeRoot record: `{ "arn": "arn:aws:iam::aws:policy/root-task/<name>" }`
 * in AWS's example (S13); a plain string is accepted too.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-track-privileged-tasks.html
 */
const taskPolicyArnOf = (record: unknown): string | undefined => {
  const policy = field(field(record, 'requestParameters'), 'taskPolicyArn');
  const arn = typeof policy === 'string' ? policy : field(policy, 'arn');
  return typeof arn === 'string' && arn ? arn : undefined;
};

/** `IAMCreateRootUserPassword` of `arn:aws:iam::aws:policy/root-task/IAMCreateRootUserPassword`. */
const taskPolicyName = (arn: string | undefined): string | undefined => arn?.split('/').pop() || undefined;

/**
 * The member account an AssumeRoot call targets: `TargetPrincipal` is "the member account principal
 * ARN or account ID" [STS-AR]; the twelve digits either way.
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoot.html
 */
const targetAccountOf = (record: unknown): string | undefined => {
  const target = field(field(record, 'requestParameters'), 'targetPrincipal');
  return typeof target === 'string' ? (/\d{12}/.exec(target)?.[0] ?? undefined) : undefined;
};

export { ROOT_PASSWORD_TASK, ROOT_AUDIT_TASK, taskPolicyArnOf, taskPolicyName, targetAccountOf };
