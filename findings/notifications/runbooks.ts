import type { Credential } from '../../schemas/finding.ts';
import type { FindingKind } from '../finding-kind.ts';

/** An AWS page a step rests on. */
interface Reference {
  title: string;
  url: string;
}

/**
 * What a responder does about one kind of finding: who to call, how to stop the access (revoke a
 * key, end a session, undo a change), what to check next, and the AWS pages the steps rest on.
 * Steps may name `{account}`, `{accessKeyId}`, `{sourceIp}`, `{callerArn}` and `{taskPolicy}`,
 * filled from the finding (see runbook-for.ts).
 */
interface Runbook {
  title: string;
  call: readonly string[];
  contain: readonly string[];
  check: readonly string[];
  references: readonly Reference[];
}

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

const CALL_ON_CALL = 'Your security on-call: root can do anything in the account.';
const CALL_OWNER =
  'The owner of account {account} (its security alternate contact in AWS Account Management): confirm it was planned.';
const CALL_ESCALATE =
  'Nobody planned it: escalate to incident response and treat the account as compromised.';

/**
 * No IAM policy restricts root, nor the sessions root issues [IAM temporary credentials page]; an
 * SCP does, in member accounts only.
 */
const SCP_STOP =
  'To stop root at once in a member account of AWS Organizations, attach an SCP that denies the root user (Condition aws:PrincipalArn arn:aws:iam::*:root); no policy restricts root in the management account or a standalone account.';
const PASSWORD_STEPS =
  'the root password (signed in as root: account menu, Security credentials); if it no longer works, recover it with "Forgot password?", which needs the root email inbox.';
const CHANGE_PASSWORD = `Change ${PASSWORD_STEPS}`;
const CHANGE_PASSWORD_IF_UNPLANNED = `If unplanned, change ${PASSWORD_STEPS}`;
const CHECK_SESSION =
  "Everything the same session did: rootwatch's incident for it, or CloudTrail events with the same source IP ({sourceIp}), user agent and access key id, in every Region.";
const CHECK_PERSISTENCE =
  'Signs of persistence: new root keys, IAM users, roles, policies or trust changes, MFA or email changes (CreateAccessKey, CreateUser, CreateRole, AttachRolePolicy, UpdateAssumeRolePolicy, DeactivateMFADevice, EmailUpdated).';
const CHECK_SOURCE = 'Whether {sourceIp} is one of your addresses (office, VPN, CI).';
const REMOVE_ROOT_CREDENTIALS =
  'Afterwards: in member accounts, remove root credentials altogether with centralized root access.';

/** The runbooks, one per kind of finding (finding-kind.ts). Reviewed against the pages each cites. */
const RUNBOOKS: Record<FindingKind, Runbook> = {
  'sign-in-without-mfa': {
    title: 'Root sign-in without MFA',
    call: [CALL_OWNER, CALL_ON_CALL, CALL_ESCALATE],
    contain: [
      CHANGE_PASSWORD,
      'Assign MFA to root (up to eight devices; a FIDO security key resists phishing).',
      SCP_STOP,
    ],
    check: [CHECK_SESSION, CHECK_PERSISTENCE, CHECK_SOURCE, REMOVE_ROOT_CREDENTIALS],
    references: [REF.mfa, REF.changePassword, REF.bestPractices, REF.scpExamples],
  },
  'sign-in': {
    title: 'Root sign-in',
    call: [CALL_OWNER, CALL_ON_CALL],
    contain: [
      CHANGE_PASSWORD_IF_UNPLANNED,
      'Someone passed root MFA: check the MFA devices registered on root and remove any you do not recognise.',
      SCP_STOP,
    ],
    check: [
      'Why root was needed: only a few tasks require it; use an IAM role for the rest.',
      CHECK_SESSION,
      CHECK_SOURCE,
    ],
    references: [REF.bestPractices, REF.mfa, REF.scpExamples],
  },
  'failed-sign-in': {
    title: 'Failed root sign-in',
    call: [CALL_OWNER, 'Your security on-call if it repeats or the owner did not try.'],
    contain: [
      'No session was opened. If it was not the owner: make sure root has MFA and a long, unique password.',
      'In member accounts, removing the root password (centralized root access) ends password guessing.',
    ],
    check: [
      "How many failures, from which addresses: rootwatch's incident for them, or ConsoleLogin failures in us-east-1.",
      'Whether a successful root sign-in or a password recovery (PasswordRecoveryRequested) followed.',
      CHECK_SOURCE,
    ],
    references: [REF.mfa, REF.centralizedRoot],
  },
  'password-recovery': {
    title: 'Root password recovery',
    call: [CALL_OWNER, CALL_ON_CALL],
    contain: [
      'If the owner did not ask for it: secure the root email inbox first (its password and MFA): whoever reads it can reset the root password.',
      'Then change the root password and check the MFA devices registered on root.',
      SCP_STOP,
    ],
    check: [
      'Whether PasswordRecoveryCompleted and a ConsoleLogin followed from {sourceIp}.',
      'Who can read the root email address: shared mailboxes, forwarding rules.',
    ],
    references: [REF.resetPassword, REF.changePassword, REF.bestPractices],
  },
  'access-key-change': {
    title: 'Root access key created or changed',
    call: [CALL_OWNER, CALL_ON_CALL],
    contain: [
      "If a root key was created or activated without a plan, deactivate and delete it: as root, Security credentials, Access keys, Actions, Delete; its id is in the event's responseElements (open the event).",
      'In a member account with centralized root access, delete it from the management account: an AssumeRoot session with the task policy IAMDeleteRootUserCredentials, then aws iam delete-access-key.',
    ],
    check: [
      'Whether the new key was used: rootwatch access-key findings, or the credential report (access_key_1_last_used_date).',
      'A userName in the request means a key for that IAM user, not root: check that user instead.',
      CHECK_SESSION,
    ],
    references: [REF.deleteKeys, REF.centralizedRoot, REF.bestPractices],
  },
  'mfa-removed': {
    title: 'Root MFA removed',
    call: [CALL_OWNER, CALL_ON_CALL],
    contain: [
      'Assign MFA to root again at once.',
      `If unplanned, whoever removed it was signed in as root: change ${PASSWORD_STEPS}`,
    ],
    check: ["Which device was removed (the event's serialNumber).", CHECK_SESSION, CHECK_PERSISTENCE],
    references: [REF.mfa, REF.changePassword],
  },
  'mfa-change': {
    title: 'Root MFA device changed',
    call: [CALL_OWNER],
    contain: [
      'If unplanned, an attacker may be adding a device of their own: remove devices you do not recognise from root and change the root password.',
    ],
    check: ['The MFA devices now registered on root.', CHECK_SESSION],
    references: [REF.mfa, REF.changePassword],
  },
  'password-change': {
    title: 'Root password changed or created',
    call: [CALL_OWNER, CALL_ON_CALL],
    contain: [
      'PasswordUpdated or ChangePassword without a plan: the owner may be locked out; recover the password with "Forgot password?" (root email inbox) at once, then check root\'s MFA devices and email address.',
      'CreateLoginProfile gives a member account a root password again: when the task is done, or if it was not approved, delete it (an AssumeRoot session with IAMDeleteRootUserCredentials, then aws iam delete-login-profile).',
    ],
    check: [
      'Whether the root email address changed too (EmailUpdated) and whether a sign-in followed.',
      CHECK_SESSION,
    ],
    references: [REF.changePassword, REF.resetPassword, REF.centralizedRoot],
  },
  'email-change': {
    title: 'Root email address changed',
    call: [CALL_OWNER, CALL_ON_CALL, 'AWS Support, if the owner can no longer sign in as root.'],
    contain: [
      'If unplanned, the root recovery channel now belongs to someone else: sign in as root while you still can, set the email back and change the password.',
    ],
    check: ['Whether the password or MFA changed in the same session.', CHECK_SESSION],
    references: [REF.rootEmail, REF.changePassword],
  },
  'credential-change': {
    title: 'Root credential change',
    call: [CALL_OWNER, CALL_ON_CALL],
    contain: [
      'If unplanned, undo it (a signing certificate root uploaded: Security credentials, X.509 certificates, delete) and treat root as compromised.',
    ],
    check: [CHECK_SESSION, CHECK_PERSISTENCE],
    references: [REF.bestPractices],
  },
  'logging-change': {
    title: 'Logging changed by root',
    call: [CALL_ON_CALL, CALL_OWNER],
    contain: [
      'Restore what changed: restart the trail (aws cloudtrail start-logging --name <trail>), recreate a deleted trail, rule, log group, metric filter or alarm, put the retention back.',
      'LeaveOrganization takes the account out of its SCPs and the organisation trail: invite it back, or close it.',
      'Deny these changes to everyone with an SCP (cloudtrail:StopLogging, cloudtrail:DeleteTrail, organizations:LeaveOrganization).',
    ],
    check: [
      'What else happened while logging was reduced: the organisation trail and other Regions still recorded it.',
      'That rootwatch still hears from this account: its forwarder rule and the daily heartbeat.',
      CHECK_SESSION,
    ],
    references: [REF.startLogging, REF.scpExamples],
  },
  'access-key-use': {
    title: 'Root access key used',
    call: [
      CALL_ON_CALL,
      'The owner of account {account}: who holds the root key {accessKeyId}, and where is it stored?',
    ],
    contain: [
      'Deactivate {accessKeyId} now and delete it once nothing legitimate breaks: as root, Security credentials, Access keys.',
      'In a member account with centralized root access: an AssumeRoot session with IAMDeleteRootUserCredentials, then aws iam delete-access-key --access-key-id {accessKeyId}.',
      'Sessions the key issued (GetSessionToken, GetFederationToken: at most an hour for root) cannot be restricted by any IAM policy; an SCP that denies the root user stops them in member accounts.',
    ],
    check: [
      'Everything the key did: CloudTrail events with accessKeyId {accessKeyId}, in every Region.',
      CHECK_SOURCE,
      CHECK_PERSISTENCE,
    ],
    references: [REF.deleteKeys, REF.temporaryCredentials, REF.centralizedRoot],
  },
  'console-session': {
    title: 'Root console session',
    call: [CALL_OWNER, CALL_ON_CALL],
    contain: [CHANGE_PASSWORD_IF_UNPLANNED, SCP_STOP],
    check: [
      'The sign-in that opened the session: a root ConsoleLogin from {sourceIp} shortly before, in us-east-1.',
      CHECK_SESSION,
      CHECK_PERSISTENCE,
    ],
    references: [REF.changePassword, REF.scpExamples, REF.bestPractices],
  },
  'session-token': {
    title: 'Root temporary credentials used',
    call: [CALL_ON_CALL, CALL_OWNER],
    contain: [
      'These credentials ({accessKeyId}) came from a root access key (GetSessionToken) or a federation token root issued: delete that root key.',
      'The credentials last up to an hour for root and no IAM policy restricts them; an SCP that denies the root user stops them in member accounts.',
    ],
    check: [
      'The GetSessionToken or GetFederationToken call that issued {accessKeyId}, and the key that made it; if there is none, an AssumeRoot call in the management account may have issued it (a centralized-root session).',
      CHECK_SESSION,
    ],
    references: [REF.temporaryCredentials, REF.deleteKeys, REF.scpExamples],
  },
  'assumed-root': {
    title: 'Centralized root session (AssumeRoot)',
    call: [
      'The owner of {callerArn} in the management (or IAM delegated administrator) account: confirm the privileged task was approved.',
      'Your security on-call if it was not.',
    ],
    contain: [
      "The session lasts at most 15 minutes. If it was not approved, remove sts:AssumeRoot from the caller's permissions and review who can assume that principal.",
    ],
    check: [
      'The AssumeRoot call: caller {callerArn}, task policy {taskPolicy}.',
      'Everything done in account {account} with the session key {accessKeyId} (AWS tracks privileged tasks by that key).',
    ],
    references: [REF.privilegedTasks, REF.centralizedRoot],
  },
  'aws-service': {
    title: 'AWS service acting as root',
    call: [
      "Nobody: an AWS service acted with the root identity on the account's behalf. Recorded for context.",
    ],
    contain: [],
    check: ['Which service it was (the user agent) and that the account uses it.'],
    references: [REF.bestPractices],
  },
  'unknown-credential': {
    title: 'Root activity with unidentified credentials',
    call: [CALL_OWNER, CALL_ON_CALL],
    contain: [
      "Identify the credential first: the event's userIdentity (accessKeyId, sessionContext); then follow the runbook for a root key, a console session or root temporary credentials.",
      SCP_STOP,
    ],
    check: [CHECK_SESSION, CHECK_PERSISTENCE],
    references: [REF.bestPractices, REF.scpExamples],
  },
};

/**
 * How to end the access of the credential that made a change, for kinds about what changed rather
 * than who did it (a credential or logging change made with a root key still needs the key gone).
 */
const CONTAINMENT_BY_CREDENTIAL: Record<Credential, readonly string[]> = {
  password: [],
  'console-session': [SCP_STOP],
  'access-key': [
    'The change was made with the long-term root key {accessKeyId}: deactivate and delete it (as root, Security credentials, Access keys).',
  ],
  'session-token': [
    'The change was made with root temporary credentials ({accessKeyId}): delete the root access key that issued them.',
  ],
  'assumed-root': [
    'The change was made in a centralized-root session opened by {callerArn}: confirm that privileged task was approved.',
  ],
  'aws-service': [],
  unknown: [SCP_STOP],
};

export { RUNBOOKS, CONTAINMENT_BY_CREDENTIAL, REF };
export type { Runbook, Reference };
