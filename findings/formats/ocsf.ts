import type { Finding } from '../../schemas/finding.ts';
import type { OcsfDetectionFinding, OCSF_SEVERITY_IDS } from '../../schemas/ocsf-detection-finding.ts';
import { OCSF_VERSION } from '../../schemas/ocsf-detection-finding.ts';
import { boundedJson } from '../../detection/json-walk.ts';
import { redactSecrets } from '../../detection/redact-secrets.ts';
import { kindEntry } from '../catalogue.ts';
import { cloudTrailEventUrl, ipVersionOf, partitionOf } from './aws-places.ts';
import { findingKind } from '../finding-kind.ts';
import { PRODUCT } from './product.ts';

/** The raw event in `data`, secrets redacted; one too deep or too large to carry whole, its head. */
const DATA_LIMITS = { maxChars: 256 * 1024, headChars: 8_192 };

interface OcsfOptions {
  /** The event the finding was made from, as received: kept (secrets redacted) as the evidence's `data`. */
  rawEvent?: unknown;
}

const SEVERITY: Record<Finding['severity'], { id: (typeof OCSF_SEVERITY_IDS)[number]; name: string }> = {
  critical: { id: 5, name: 'Critical' },
  high: { id: 4, name: 'High' },
  medium: { id: 3, name: 'Medium' },
  low: { id: 2, name: 'Low' },
  info: { id: 1, name: 'Informational' },
};

/** OCSF account type 10: AWS Account. */
const awsAccount = (finding: Finding) => ({
  uid: finding.account,
  type_id: 10,
  type: 'AWS Account',
  ...(finding.accountAlias && { name: finding.accountAlias }),
});

const millis = (time: string): number => Date.parse(time);

const actorOf = (finding: Finding) => ({
  user: {
    // OCSF user type 2: Admin (root), 99: Other (a federated user root issued).
    type_id: finding.identityType === 'Root' ? 2 : 99,
    type: finding.identityType === 'Root' ? 'Admin' : finding.identityType,
    name: finding.identityType === 'Root' ? 'root' : finding.identityType,
    ...(finding.principalArn && { uid: finding.principalArn }),
    account: awsAccount(finding),
    ...(finding.accessKeyId && { credential_uid: finding.accessKeyId }),
  },
  ...((finding.mfa !== null || finding.accessKeyId || finding.assumedRoot) && {
    session: {
      ...(finding.mfa !== null && { is_mfa: finding.mfa }),
      ...(finding.accessKeyId && { credential_uid: finding.accessKeyId }),
      ...(finding.assumedRoot?.callerArn && { issuer: finding.assumedRoot.callerArn }),
      ...(finding.assumedRoot && { created_time: millis(finding.assumedRoot.issuedAt) }),
    },
  }),
});

const evidenceOf = (finding: Finding, rawEvent: unknown) => ({
  actor: actorOf(finding),
  api: {
    operation: finding.eventName,
    service: { name: finding.eventSource },
    ...((finding.errorCode || finding.errorMessage) && {
      response: {
        ...(finding.errorCode && { error: finding.errorCode }),
        ...(finding.errorMessage && { error_message: finding.errorMessage }),
      },
    }),
  },
  ...(finding.sourceIp !== null && {
    src_endpoint: ipVersionOf(finding.sourceIp) ? { ip: finding.sourceIp } : { svc_name: finding.sourceIp },
  }),
  ...(finding.userAgent !== null && { http_request: { user_agent: finding.userAgent } }),
  ...(rawEvent !== undefined && { data: boundedJson(redactSecrets(rawEvent), DATA_LIMITS) }),
});

/** The finding's own vocabulary, which OCSF has no attributes for. */
const rootwatchFields = (finding: Finding) => ({
  schemaVersion: finding.schemaVersion,
  credential: finding.credential,
  activity: finding.activity,
  outcome: finding.outcome,
  mfa: finding.mfa,
  severityRule: finding.severityRule,
  controls: finding.controls,
  ...(finding.sharedEventId && { sharedEventId: finding.sharedEventId }),
  ...(finding.recipientAccountId && { recipientAccountId: finding.recipientAccountId }),
  ...(finding.readOnly !== undefined && { readOnly: finding.readOnly }),
  ...(finding.assumedRoot && { assumedRoot: finding.assumedRoot }),
  ...(finding.incident && { incident: finding.incident }),
  ...(finding.suppression && { suppression: finding.suppression }),
  ...(finding.lateDetection && { lateDetection: finding.lateDetection }),
});

/**
 * A finding as an OCSF 1.4.0 Detection Finding (class 2004, activity Create): severity 1 to 5 from
 * info to critical, `time` the event time in milliseconds, `finding_info.uid` the CloudTrail event
 * id (the idempotency key), the ATT&CK technique, the cloud profile (account, Region), and one
 * evidence with the actor, the API call, the source and, when given, the original event. An incident
 * becomes `metadata.correlation_uid`, `count`, `start_time` and `end_time`; a suppression, status 3
 * (Suppressed) with the rule in `status_detail`. rootwatch's own fields go under `unmapped.rootwatch`.
 * @see https://schema.ocsf.io/1.4.0/classes/detection_finding
 */
const toOcsfDetectionFinding = (finding: Finding, options: OcsfOptions = {}): OcsfDetectionFinding => {
  const severity = SEVERITY[finding.severity];
  const time = millis(finding.time);
  const { attack } = kindEntry(findingKind(finding));
  const { incident, suppression } = finding;
  return {
    activity_id: 1,
    activity_name: 'Create',
    category_uid: 2,
    category_name: 'Findings',
    class_uid: 2004,
    class_name: 'Detection Finding',
    type_uid: 200401,
    type_name: 'Detection Finding: Create',
    severity_id: severity.id,
    severity: severity.name,
    time,
    message: finding.title,
    status_id: suppression ? 3 : 1,
    status: suppression ? 'Suppressed' : 'New',
    ...(suppression && {
      status_detail: `suppressed by ${suppression.ruleId} until ${suppression.expires}: ${suppression.reason}`,
    }),
    is_alert: !suppression && finding.severity !== 'info',
    ...(incident && {
      count: incident.count,
      start_time: millis(incident.firstSeen),
      end_time: millis(incident.lastSeen),
    }),
    metadata: {
      version: OCSF_VERSION,
      product: { name: PRODUCT.name, vendor_name: PRODUCT.vendorName, version: PRODUCT.version },
      profiles: ['cloud'],
      uid: finding.eventId,
      event_code: finding.eventName,
      log_name: 'CloudTrail',
      log_provider: 'AWS CloudTrail',
      original_time: finding.time,
      ...(incident && { correlation_uid: incident.id }),
    },
    finding_info: {
      uid: finding.eventId,
      title: finding.title,
      desc: finding.summary,
      types: ['AWS Root Activity'],
      analytic: { name: finding.severityRule, type_id: 1, type: 'Rule' },
      created_time: time,
      first_seen_time: incident ? millis(incident.firstSeen) : time,
      last_seen_time: incident ? millis(incident.lastSeen) : time,
      data_sources: ['AWS CloudTrail'],
      src_url: cloudTrailEventUrl(finding),
      ...(attack && { attacks: [attack] }),
      ...(incident && { related_events_count: incident.count }),
    },
    cloud: { provider: 'AWS', region: finding.region, account: awsAccount(finding) },
    resources: [
      {
        type: 'AWS::::Account',
        uid: finding.account,
        ...(finding.accountAlias && { name: finding.accountAlias }),
        region: finding.region,
        cloud_partition: partitionOf(finding.region),
      },
    ],
    evidences: [evidenceOf(finding, options.rawEvent)],
    unmapped: { rootwatch: rootwatchFields(finding) },
  };
};

export { toOcsfDetectionFinding };
export type { OcsfOptions };
