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
  startLogging: {
    title: 'CloudTrail StartLogging',
    url: 'https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_StartLogging.html',
  },
} as const satisfies Record<string, Reference>;

export { REF };
