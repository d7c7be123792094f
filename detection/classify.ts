import type { CloudTrailRecord } from '../schemas/cloudtrail-record.ts';
import type { DetectorConfig } from '../schemas/detector-config.ts';
import type { Activity, AssumedRoot, Finding, ProtectedResource } from '../schemas/finding.ts';
import { classifyActivity } from './activity/index.ts';
import { controlsFor } from './controls/controls-for.ts';
import type { CredentialContext } from './credential/index.ts';
import { classifyCredential } from './credential/index.ts';
import { summaryOf, titleOf } from './describe.ts';
import { classifyMfa } from './mfa.ts';
import { classifyOutcome } from './outcome.ts';
import { accessKeyOf, flag } from './record-fields.ts';
import type { IssuedRootSession } from './root-sessions.ts';
import { defaultSeverity, evaluateSeverity } from './severity/evaluate.ts';
import { memberOfEmailChange } from './takeover/member-email-change.ts';
import { targetAccountOf, taskPolicyArnOf } from './takeover/root-tasks.ts';

/** What the EventBridge envelope adds when the record itself is silent (DOMAIN.md §2.2, §5). */
interface EnvelopeFacts {
  account?: string | undefined;
  region?: string | undefined;
}

const ROOT_ARN = /^arn:aws[\w-]*:iam::([^:]+):root$/;

/** Not validated as 12 digits: anonymised sources write "xx" or "redacted", and losing the record is worse. */
const accountOf = (record: CloudTrailRecord, envelope: EnvelopeFacts): string =>
  record.userIdentity.accountId ||
  record.recipientAccountId ||
  envelope.account ||
  ROOT_ARN.exec(record.userIdentity.arn ?? '')?.[1] ||
  'unknown';

/**
 * The account a finding is about when no root identity acted: the member whose root the organisation
 * reaches for (an email change, an AssumeRoot task), or the account that owns the resource someone
 * tampered with (`recipientAccountId`, which differs from the caller's for cross-account calls [CT-REC]).
 */
const subjectAccountOf = (
  record: CloudTrailRecord,
  activity: Activity,
  envelope: EnvelopeFacts,
): string | undefined => {
  if (activity === 'member-root-email-change') return memberOfEmailChange(record);
  if (activity === 'root-task' || activity === 'root-password-task') return targetAccountOf(record);
  if (activity === 'detector-tampering') return record.recipientAccountId || envelope.account || undefined;
  return undefined;
};

/** EventBridge copies of sign-ins have said `awsRegion: "global"` (S06, S20); sign-ins land in us-east-1. */
const regionOf = (record: CloudTrailRecord, envelope: EnvelopeFacts): string =>
  record.awsRegion && record.awsRegion !== 'global' ? record.awsRegion : (envelope.region ?? 'us-east-1');

const assumedRootOf = (session: IssuedRootSession): AssumedRoot => {
  const assumed: AssumedRoot = { issuedAt: session.issuedAt };
  if (session.assumeRootEventId) assumed.assumeRootEventId = session.assumeRootEventId;
  if (session.callerArn) assumed.callerArn = session.callerArn;
  if (session.callerAccountId) assumed.callerAccountId = session.callerAccountId;
  if (session.taskPolicyArn) assumed.taskPolicyArn = session.taskPolicyArn;
  return assumed;
};

/** The session an `sts:AssumeRoot` call opened (or tried to: a failed call issued no key), from its record. */
const requestedRootSession = (record: CloudTrailRecord): AssumedRoot => {
  const assumed: AssumedRoot = { issuedAt: record.eventTime, assumeRootEventId: record.eventID };
  if (record.userIdentity.arn) assumed.callerArn = record.userIdentity.arn;
  if (record.userIdentity.accountId) assumed.callerAccountId = record.userIdentity.accountId;
  const taskPolicyArn = taskPolicyArnOf(record);
  if (taskPolicyArn) assumed.taskPolicyArn = taskPolicyArn;
  return assumed;
};

/**
 * The finding for one validated record: root (or root-minted) activity, a path to a member's root
 * (AssumeRoot, the organisation changing its email), or, when `tampered` names one of rootwatch's own
 * resources, tampering with the detector by anyone. Pure: the same record, envelope, known sessions
 * and config always give the same finding. This is the hot path of `scan`: see below.
 */
const classifyRecord = (
  record: CloudTrailRecord,
  envelope: EnvelopeFacts,
  sessions: CredentialContext,
  config: DetectorConfig,
  tampered?: ProtectedResource,
): Finding => {
  const identity = record.userIdentity;
  const credential = classifyCredential(record, sessions);
  const activity: Activity = tampered ? 'detector-tampering' : classifyActivity(record);
  const outcome = classifyOutcome(record);
  const mfa = classifyMfa(record, credential, activity);
  const account = subjectAccountOf(record, activity, envelope) || accountOf(record, envelope);
  const facts = { record, account, credential, activity, outcome, mfa };
  const { severity, rule } = evaluateSeverity(facts, config.severityOverrides);
  const accessKeyId = accessKeyOf(record);
  const readOnly = flag(record.readOnly);

  const session =
    credential === 'assumed-root' && accessKeyId
      ? sessions.findRootSession(accessKeyId, record.eventTime)
      : undefined;
  const rootTask = activity === 'root-task' || activity === 'root-password-task';
  // One literal with every key in the contract's order: one hidden class for all findings. Absent
  // optional fields are `undefined`, which JSON leaves out, exactly like a missing key.
  const f: Finding = {
    schemaVersion: '1',
    eventId: record.eventID,
    sharedEventId: record.sharedEventID || undefined,
    recipientAccountId: record.recipientAccountId || undefined,
    account,
    accountAlias: (identity.type === 'Root' && identity.userName) || undefined,
    region: regionOf(record, envelope),
    time: record.eventTime,
    eventSource: record.eventSource,
    eventName: record.eventName,
    eventType: record.eventType || undefined,
    identityType: identity.type ?? 'unknown',
    principalArn: identity.arn || undefined,
    sourceIp: record.sourceIPAddress || null,
    userAgent: record.userAgent || null,
    accessKeyId,
    readOnly: readOnly ?? undefined,
    errorCode: record.errorCode || undefined,
    errorMessage: record.errorMessage || undefined,
    credential,
    activity,
    outcome,
    mfa,
    severity,
    severityRule: rule,
    controls: controlsFor(facts, config.cisVersions),
    assumedRoot: rootTask ? requestedRootSession(record) : session && assumedRootOf(session),
    protectedResource: tampered,
    signInSessionArn: identity.sessionContext?.signInSessionArn || undefined,
    sessionIssuedAt: identity.sessionContext?.attributes?.creationDate || undefined,
    incident: undefined,
    suppression: undefined,
    title: '',
    summary: '',
  };
  const whyRule = rule.startsWith('override:') ? defaultSeverity(facts).rule : rule;
  f.title = titleOf(f);
  f.summary = summaryOf(f, whyRule);
  return f;
};

export { classifyRecord };
export type { EnvelopeFacts };
