/** Steps several runbooks share. Steps may name `{account}`, `{accessKeyId}`, `{sourceIp}`, `{callerArn}` and `{taskPolicy}` (see findings/notifications/runbook-for.ts). */
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

export {
  CALL_ON_CALL,
  CALL_OWNER,
  CALL_ESCALATE,
  SCP_STOP,
  PASSWORD_STEPS,
  CHANGE_PASSWORD,
  CHANGE_PASSWORD_IF_UNPLANNED,
  CHECK_SESSION,
  CHECK_PERSISTENCE,
  CHECK_SOURCE,
  REMOVE_ROOT_CREDENTIALS,
};
