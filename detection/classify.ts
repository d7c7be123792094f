import type { CloudTrailRecord } from '../schemas/cloudtrail-record.ts';
import type { DetectorConfig } from '../schemas/detector-config.ts';
import type { Finding } from '../schemas/finding.ts';
import { classifyActivity } from './activity/index.ts';
import { controlsFor } from './controls/controls-for.ts';
import type { CredentialContext } from './credential/index.ts';
import { classifyCredential } from './credential/index.ts';
import type { Described } from './describe.ts';
import { summaryOf, titleOf } from './describe.ts';
import { classifyMfa } from './mfa.ts';
import { classifyOutcome } from './outcome.ts';
import { accessKeyOf, flag } from './record-fields.ts';
import { defaultSeverity, evaluateSeverity } from './severity/evaluate.ts';

/** What the EventBridge envelope adds when the record itself is silent (DOMAIN.md §2.2, §5). */
interface EnvelopeFacts {
  account?: string | undefined;
  region?: string | undefined;
}

/** Not validated as 12 digits: anonymised sources write "xx" or "redacted", and losing the record is worse. */
const accountOf = (record: CloudTrailRecord, envelope: EnvelopeFacts): string =>
  record.userIdentity.accountId ||
  record.recipientAccountId ||
  envelope.account ||
  /^arn:aws[\w-]*:iam::([^:]+):root$/.exec(record.userIdentity.arn ?? '')?.[1] ||
  'unknown';

/** EventBridge copies of sign-ins have said `awsRegion: "global"` (S06, S20); sign-ins land in us-east-1. */
const regionOf = (record: CloudTrailRecord, envelope: EnvelopeFacts): string =>
  record.awsRegion && record.awsRegion !== 'global' ? record.awsRegion : (envelope.region ?? 'us-east-1');

const present = (value: string | null | undefined): string | undefined => (value ? value : undefined);

/**
 * The finding for one validated root (or root-minted) record. Pure: the same record, envelope,
 * known sessions and config always give the same finding.
 */
const classifyRecord = (
  record: CloudTrailRecord,
  envelope: EnvelopeFacts,
  sessions: CredentialContext,
  config: DetectorConfig,
): Finding => {
  const credential = classifyCredential(record, sessions);
  const activity = classifyActivity(record);
  const outcome = classifyOutcome(record);
  const mfa = classifyMfa(record, credential, activity);
  const account = accountOf(record, envelope);
  const facts = { record, account, credential, activity, outcome, mfa };
  const { severity, rule } = evaluateSeverity(facts, config.severityOverrides);
  const identity = record.userIdentity;
  const accessKeyId = accessKeyOf(record);
  const readOnly = flag(record.readOnly);
  const session =
    credential === 'assumed-root' && accessKeyId
      ? sessions.findRootSession(accessKeyId, record.eventTime)
      : undefined;

  const described: Described = {
    schemaVersion: '1',
    eventId: record.eventID,
    ...(record.sharedEventID ? { sharedEventId: record.sharedEventID } : {}),
    ...(record.recipientAccountId ? { recipientAccountId: record.recipientAccountId } : {}),
    account,
    ...(identity.type === 'Root' && identity.userName ? { accountAlias: identity.userName } : {}),
    region: regionOf(record, envelope),
    time: record.eventTime,
    eventSource: record.eventSource,
    eventName: record.eventName,
    ...(record.eventType ? { eventType: record.eventType } : {}),
    identityType: identity.type ?? 'unknown',
    ...(present(identity.arn) ? { principalArn: identity.arn } : {}),
    sourceIp: present(record.sourceIPAddress) ?? null,
    userAgent: present(record.userAgent) ?? null,
    ...(accessKeyId ? { accessKeyId } : {}),
    ...(readOnly === null ? {} : { readOnly }),
    ...(record.errorCode ? { errorCode: record.errorCode } : {}),
    ...(record.errorMessage ? { errorMessage: record.errorMessage } : {}),
    credential,
    activity,
    outcome,
    mfa,
    severity,
    severityRule: rule,
    controls: controlsFor({ record, credential, activity, outcome, mfa }, config.cisVersions),
    ...(session
      ? {
          assumedRoot: {
            assumeRootEventId: session.assumeRootEventId,
            ...(session.callerArn ? { callerArn: session.callerArn } : {}),
            ...(session.callerAccountId ? { callerAccountId: session.callerAccountId } : {}),
            ...(session.taskPolicyArn ? { taskPolicyArn: session.taskPolicyArn } : {}),
            issuedAt: session.issuedAt,
          },
        }
      : {}),
  };
  const whyRule = rule.startsWith('override:') ? defaultSeverity(facts).rule : rule;
  return { ...described, title: titleOf(described), summary: summaryOf(described, whyRule) };
};

export { classifyRecord };
export type { EnvelopeFacts };
