import type { Finding } from '../schemas/finding.ts';
import type { ProtectedResourceKind } from '../schemas/protected-resources.ts';
import { serviceOf } from './record-fields.ts';
import { taskPolicyName } from './takeover/root-tasks.ts';

type Described = Omit<Finding, 'title' | 'summary'>;

const CREDENTIAL_TITLES: Record<Finding['credential'], string> = {
  password: 'Root activity',
  'console-session': 'Root console session',
  'access-key': 'Root access key used',
  'session-token': 'Root temporary credentials used',
  'assumed-root': 'Centralized root session (AssumeRoot)',
  'aws-service': 'AWS service acting as root',
  unknown: 'Root activity',
  'iam-principal': 'Activity',
};

/** How a finding names a kind of protected resource: `function`, `log group`, … */
const RESOURCE_WORDS: Record<ProtectedResourceKind, string> = {
  eventRules: 'rule',
  schedules: 'schedule',
  eventBuses: 'event bus',
  functions: 'function',
  kmsKeys: 'KMS key',
  snsTopics: 'topic',
  logGroups: 'log group',
  stacks: 'stack',
  stackSets: 'StackSet',
  trails: 'trail',
  guardDutyDetectors: 'GuardDuty detector',
  configRecorders: 'Config recorder',
};

/** Why it matters and what to check first, by the default-policy rule that rated the finding. */
const WHY: Record<string, string> = {
  'sign-in-without-mfa':
    'A password alone opened the most powerful identity in the account (CIS: MFA on root). Confirm with the account owner; if unplanned, reset the root password, enable MFA and review what the session did.',
  'long-term-access-key':
    'Root access keys should not exist (CIS: no root access keys): whoever holds this key can do anything in the account, without MFA. Find its owner, then deactivate and delete it.',
  'root-credential-created-or-weakened':
    'This creates or weakens a root credential, a common persistence step after a takeover. Confirm it was planned; if not, treat root as compromised.',
  'logging-change':
    'This can blind CloudTrail-based detection, rootwatch included. Restore logging and confirm the change was planned.',
  'sign-in':
    'Root should be used rarely, only for the tasks that need it (CIS: avoid root use). Confirm the sign-in was planned.',
  'failed-sign-in': 'Someone tried the root password; repeated failures suggest password guessing.',
  'password-recovery':
    'Password recovery hands root to whoever controls the account email. Confirm the owner asked for it.',
  'credential-change': 'Credentials changed under root. Confirm the change was planned.',
  'console-session':
    'Root should be used rarely, only for the tasks that need it (CIS: avoid root use). Confirm the activity was planned.',
  'assumed-root':
    'Centralized root access is meant for a few approved privileged tasks. Confirm this task was approved.',
  'aws-service': "An AWS service acted with the root identity on the account's behalf; recorded for context.",
  'detector-tampering':
    'This disables or weakens rootwatch itself: whatever happens next may go unseen. Restore the resource and find out why the caller could change it; a planned change (a deployment) is suppressed in advance with a window.',
  'member-root-email-change':
    "The member account's root email is its root recovery channel: whoever controls the new address can reset the root password. Confirm the change was requested by the account's owner.",
  'root-password-task':
    'This gives the member account a root password again, which centralized root access had removed. Confirm the task was approved; if not, delete the root login profile and revoke the caller.',
  'root-task':
    "Centralized root access lets the caller act as the member's root for up to 15 minutes, within the task policy. Confirm the task was approved.",
  'root-audit-task':
    'A read-only centralized root task (listing root credentials). Confirm the caller is expected to audit root.',
};
WHY['session-token'] = WHY['console-session'] as string;
WHY['unknown-credential'] = WHY['console-session'] as string;

const accountWords = (f: Described) => `${f.account}${f.accountAlias ? ` (${f.accountAlias})` : ''}`;
const fromWords = (f: Described) => (f.sourceIp ? ` from ${f.sourceIp}` : '');
const action = (f: Described) => `${serviceOf(f.eventSource)}:${f.eventName}`;
const mfaWords = (mfa: boolean | null) =>
  mfa === true ? 'with MFA' : mfa === false ? 'without MFA' : '(MFA not recorded)';
const errorWords = (f: Described) => f.errorCode ?? f.errorMessage ?? 'an error';
const taskWords = (f: Described) => taskPolicyName(f.assumedRoot?.taskPolicyArn) ?? 'task not recorded';
const resourceWords = (f: Described) =>
  f.protectedResource
    ? `${RESOURCE_WORDS[f.protectedResource.kind]} ${f.protectedResource.name}`
    : 'a rootwatch resource';

/** What happened, without where and from where: `Root console sign-in without MFA`, `Root logging change: cloudtrail:StopLogging (failed: AccessDenied)`. */
const headlineOf = (f: Described): string => {
  const failed = f.outcome === 'failure';
  let what: string;
  if (f.activity === 'sign-in') {
    what =
      f.eventName === 'ConsoleLogin'
        ? failed
          ? 'Failed root console sign-in'
          : `Root console sign-in ${mfaWords(f.mfa)}`
        : `${failed ? 'Failed root' : 'Root'} sign-in event ${f.eventName}`;
  } else if (f.activity === 'password-recovery') {
    what = `Root password recovery: ${f.eventName}`;
  } else if (f.activity === 'credential-change') {
    what = `Root credential change: ${action(f)}`;
  } else if (f.activity === 'logging-change') {
    what = `Root logging change: ${action(f)}`;
  } else if (f.activity === 'detector-tampering') {
    what = `Detector tampering: ${action(f)} on ${resourceWords(f)}`;
  } else if (f.activity === 'member-root-email-change') {
    what = `Member root email change: ${action(f)}`;
  } else if (f.activity === 'root-password-task') {
    what = `Root password task: ${action(f)} (${taskWords(f)})`;
  } else if (f.activity === 'root-task') {
    what = `Centralized root task: ${action(f)} (${taskWords(f)})`;
  } else {
    what = `${CREDENTIAL_TITLES[f.credential]}: ${action(f)}`;
  }
  const failure = failed && f.activity !== 'sign-in' ? ` (failed: ${errorWords(f)})` : '';
  return `${what}${failure}`;
};

const titleOf = (f: Described): string => `${headlineOf(f)} in ${accountWords(f)}${fromWords(f)}`;

const credentialWords = (f: Described): string => {
  switch (f.credential) {
    case 'password':
      return 'with its password';
    case 'console-session':
      return 'from a console session';
    case 'access-key':
      return `with the long-term access key ${f.accessKeyId ?? '(id not recorded)'}`;
    case 'session-token':
      return `with temporary credentials${f.accessKeyId ? ` ${f.accessKeyId}` : ''} not tied to a console session`;
    case 'assumed-root': {
      const task = f.assumedRoot?.taskPolicyArn?.split('/').pop();
      return `in a centralized-root session opened by ${f.assumedRoot?.callerArn ?? 'a management-account principal'}${task ? ` for the task ${task}` : ''}`;
    }
    case 'aws-service':
      return `through an AWS service (${f.userAgent ?? 'unnamed'}) acting with the root identity`;
    case 'unknown':
      return 'with credentials the record does not identify';
    case 'iam-principal':
      return `as ${f.principalArn ?? 'a principal the record does not name'} (${f.identityType})`;
  }
};

/** The first sentence of a finding no root identity made: who did what to which account or resource. */
const principalSentence = (f: Described): string => {
  const who = `${f.principalArn ?? 'A principal the record does not name'} (${f.identityType})`;
  const result = f.outcome === 'failure' ? `failed with ${errorWords(f)}` : 'succeeded';
  const where = `${fromWords(f)} at ${f.time}; the call ${result}.`;
  switch (f.activity) {
    case 'member-root-email-change':
      return `${who} called ${action(f)} for the root email of member account ${accountWords(f)}${where}`;
    case 'root-password-task':
    case 'root-task':
      return `${who} called ${action(f)} on member account ${accountWords(f)} with the task policy ${taskWords(f)}${where}`;
    default:
      return `${who} called ${action(f)} on rootwatch's ${resourceWords(f)} in ${accountWords(f)}, ${f.region}${where}`;
  }
};

const summaryOf = (f: Described, defaultRule: string): string => {
  const who = `The root user of account ${accountWords(f)}`;
  let first: string;
  if (f.activity === 'sign-in') {
    const verb =
      f.eventName === 'ConsoleLogin'
        ? f.outcome === 'failure'
          ? 'failed to sign in to the AWS console'
          : `signed in to the AWS console ${mfaWords(f.mfa)}`
        : `produced the sign-in event ${f.eventName} (${f.outcome})`;
    first = `${who} ${verb}${fromWords(f)} at ${f.time}.`;
  } else if (f.credential === 'iam-principal' || f.activity === 'member-root-email-change') {
    // No root identity acted here (or, for a member's email, the root of another account did).
    first = principalSentence(f);
  } else {
    const result = f.outcome === 'failure' ? `failed with ${errorWords(f)}` : 'succeeded';
    // Keys never carry MFA and AssumeRoot sessions never do by design: saying so would only add noise.
    const silent = f.credential === 'access-key' || f.credential === 'assumed-root' || f.mfa === null;
    const mfa = silent ? '' : ` MFA was ${f.mfa ? '' : 'not '}used.`;
    const on = f.protectedResource ? ` on rootwatch's ${resourceWords(f)}` : '';
    first = `${who} called ${action(f)}${on} in ${f.region}${fromWords(f)} at ${f.time} ${credentialWords(f)}; the call ${result}.${mfa}`;
  }
  const why = WHY[defaultRule] ?? WHY['console-session'];
  return `${first} ${why}`;
};

export { headlineOf, titleOf, summaryOf, RESOURCE_WORDS };
export type { Described };
