import type { Reference } from './kind-entry.ts';

/** The AWS pages the runbooks cite, each reviewed for the steps that rest on it. */
const REF = {
  bestPractices: {
    title: 'Root user best practices for your AWS account',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-best-practices.html',
  },
  deleteKeys: {
    title: 'Delete access keys for the root user',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_delete-key.html',
  },
  mfa: {
    title: 'Multi-factor authentication for the root user',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-mfa-for-root.html',
  },
  changePassword: {
    title: 'Change the password for the root user',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-password.html',
  },
  resetPassword: {
    title: "Why can't I reset the root user password (AWS re:Post)",
    url: 'https://repost.aws/knowledge-center/reset-root-user-password-aws-account',
  },
  rootEmail: {
    title: 'Update the root user email address',
    url: 'https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-update-root-user.html',
  },
  temporaryCredentials: {
    title: 'Disabling permissions for temporary security credentials',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_disable-perms.html',
  },
  centralizedRoot: {
    title: 'Centralize root access for member accounts',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-enable-root-access.html',
  },
  privilegedTasks: {
    title: 'Track privileged tasks in CloudTrail',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-track-privileged-tasks.html',
  },
  scpExamples: {
    title: 'Service control policy examples',
    url: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples.html',
  },
  privilegedTask: {
    title: 'Perform a privileged task on an AWS Organizations member account',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user-privileged-task.html',
  },
  assumeRoot: {
    title: 'STS AssumeRoot',
    url: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoot.html',
  },
  startPrimaryEmailUpdate: {
    title: 'Account Management StartPrimaryEmailUpdate',
    url: 'https://docs.aws.amazon.com/accounts/latest/reference/API_StartPrimaryEmailUpdate.html',
  },
  disableRule: {
    title: 'Disable or delete a rule in EventBridge',
    url: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-delete-rule.html',
  },
  keyDeletion: {
    title: 'Schedule key deletion (and cancel it)',
    url: 'https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys-scheduling-key-deletion.html',
  },
  stackProtection: {
    title: 'Protect CloudFormation stacks from being deleted',
    url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-protect-stacks.html',
  },
  startLogging: {
    title: 'CloudTrail StartLogging',
    url: 'https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_StartLogging.html',
  },
} as const satisfies Record<string, Reference>;

export { REF };
