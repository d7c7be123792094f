import { AssumeRootRecordSchema } from '../schemas/assume-root-record.ts';
import { CloudTrailRecordCheck } from '../schemas/cloudtrail-record-check.ts';
import type { CloudTrailRecord } from '../schemas/cloudtrail-record.ts';
import { DetectorConfigSchema } from '../schemas/detector-config.ts';
import type { DetectorConfig } from '../schemas/detector-config.ts';
import { EventBridgeEnvelopeSchema } from '../schemas/eventbridge-envelope.ts';
import type { Finding } from '../schemas/finding.ts';
import type { ProtectedResources } from '../schemas/protected-resources.ts';
import { toValidationIssues } from '../schemas/validation-issue.ts';
import type { ValidationIssue } from '../schemas/validation-issue.ts';
import type { EnvelopeFacts } from './classify.ts';
import { classifyRecord } from './classify.ts';
import { issuedRootSession, RootSessionRegistry } from './root-sessions.ts';
import type { IssuedRootSession } from './root-sessions.ts';
import { notCloudTrailRecord } from './record-basis.ts';
import { field, isEnvelope, rootRelation } from './root-relation.ts';
import { tamperedResource } from './tampering/tampered-resource.ts';

/** Why a delivered event gave no finding. Every reason is a test case and a log line. */
type IgnoreReason =
  /** A CloudTrail record, neither root nor root-minted, no path to a member's root, no tampering with the detector: not ours. */
  | 'not-root-activity'
  /** `AwsServiceEvent`: the service generated it, no one acted (CIS excludes them too, [SH-CW]). */
  | 'aws-service-event';

/**
 * The verdict on one input: a finding, a deliberate non-finding, or a validation failure. `session`:
 * the centralized-root session an `sts:AssumeRoot` call opened (learnt here too), for stores beyond
 * this detector; an AssumeRoot record that is not a complete CloudTrail record still opens one.
 */
type Detection =
  | { kind: 'finding'; finding: Finding; session?: IssuedRootSession }
  | { kind: 'ignored'; reason: IgnoreReason; eventId?: string }
  | { kind: 'invalid'; issues: ValidationIssue[]; eventId?: string; session?: IssuedRootSession };

/** The detection, with the record's eventID when it has a usable one (for logs and records). */
const withEventId = (detection: Detection & { kind: 'ignored' | 'invalid' }, record: unknown): Detection => {
  const id = field(record, 'eventID');
  if (typeof id === 'string' && id) detection.eventId = id;
  return detection;
};

/**
 * Turns CloudTrail records or EventBridge envelopes into detections. A record is checked only as
 * far as needed to know it is a CloudTrail record that concerns neither root nor the detector's own
 * resources (`config.protectedResources`); anything else is invalid (record-basis.ts), and the
 * others are fully validated. Keeps the centralized-root sessions it has seen, so the root events
 * they signed are recognised.
 */
class Detector {
  readonly config: DetectorConfig;
  readonly sessions: RootSessionRegistry;
  readonly #protected: ProtectedResources | undefined;

  constructor(config: DetectorConfig = DetectorConfigSchema.parse({}), sessions = new RootSessionRegistry()) {
    this.config = config;
    this.sessions = sessions;
    this.#protected = config.protectedResources;
  }

  /** One CloudTrail record, or one EventBridge envelope whose `detail` is a record. */
  detect(input: unknown): Detection {
    if (!isEnvelope(input)) return this.#detectRecord(input, {}, []);
    const envelope = EventBridgeEnvelopeSchema.safeParse(input);
    if (!envelope.success) return { kind: 'invalid', issues: toValidationIssues(envelope.error) };
    const { account, region, detail } = envelope.data;
    return this.#detectRecord(detail, { account, region }, ['detail']);
  }

  /**
   * Learns the AssumeRoot sessions among `inputs` without producing detections, so that a batch can
   * recognise a session's root events wherever its AssumeRoot record sits in the batch.
   */
  learnSessions(inputs: Iterable<unknown>): void {
    for (const input of inputs) {
      const record = isEnvelope(input) ? field(input, 'detail') : input;
      if (rootRelation(record) !== 'assume-root-call') continue;
      this.#learnSession(record);
    }
  }

  /** The issues of an invalid AssumeRoot record, else the session it opened (none for a failed call), now learnt. */
  #learnSession(
    record: unknown,
    path: PropertyKey[] = [],
  ): { issues: ValidationIssue[] } | { session?: IssuedRootSession } {
    const parsed = AssumeRootRecordSchema.safeParse(record);
    if (!parsed.success) return { issues: toValidationIssues(parsed.error, path) };
    const session = issuedRootSession(parsed.data);
    if (!session) return {};
    this.sessions.add(session);
    return { session };
  }

  #detectRecord(record: unknown, envelope: EnvelopeFacts, path: PropertyKey[]): Detection {
    const relation = rootRelation(record);
    const tampered = this.#protected && tamperedResource(record, this.#protected);
    if (!relation && !tampered) {
      // Root-related records get the full schemas below, which require the same basis fields and more.
      const notRecord = notCloudTrailRecord(record, path);
      if (notRecord) return withEventId({ kind: 'invalid', issues: [notRecord] }, record);
      return withEventId({ kind: 'ignored', reason: 'not-root-activity' }, record);
    }
    let session: IssuedRootSession | undefined;
    if (relation === 'assume-root-call') {
      const learnt = this.#learnSession(record, path);
      if ('issues' in learnt) return withEventId({ kind: 'invalid', issues: learnt.issues }, record);
      session = learnt.session;
    }
    const withSession = session ? { session } : {};
    const checked = CloudTrailRecordCheck.safeParse(record);
    if (!checked.success) {
      const issues = toValidationIssues(checked.error, path);
      return withEventId({ kind: 'invalid', issues, ...withSession }, record);
    }
    // Valid, so the record itself is a CloudTrailRecord (see CloudTrailRecordCheck).
    const valid = record as CloudTrailRecord;
    if (valid.eventType === 'AwsServiceEvent')
      return withEventId({ kind: 'ignored', reason: 'aws-service-event' }, record);
    const finding = classifyRecord(valid, envelope, this.sessions, this.config, tampered);
    return { kind: 'finding', finding, ...withSession };
  }
}

export { Detector, isEnvelope };
export type { Detection, IgnoreReason };
