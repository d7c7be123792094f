import { AssumeRootRecordSchema } from '../schemas/assume-root-record.ts';
import { CloudTrailRecordSchema } from '../schemas/cloudtrail-record.ts';
import { DetectorConfigSchema } from '../schemas/detector-config.ts';
import type { DetectorConfig } from '../schemas/detector-config.ts';
import { EventBridgeEnvelopeSchema } from '../schemas/eventbridge-envelope.ts';
import type { Finding } from '../schemas/finding.ts';
import { toValidationIssues } from '../schemas/validation-issue.ts';
import type { ValidationIssue } from '../schemas/validation-issue.ts';
import type { EnvelopeFacts } from './classify.ts';
import { classifyRecord } from './classify.ts';
import { issuedRootSession, RootSessionRegistry } from './root-sessions.ts';
import { field, rootRelation } from './root-relation.ts';

/** Why a delivered event gave no finding. Every reason is a test case and a log line. */
type IgnoreReason =
  /** Neither root nor root-minted: not ours. */
  | 'not-root-activity'
  /** `AwsServiceEvent`: the service generated it, no one acted (CIS excludes them too, [SH-CW]). */
  | 'aws-service-event'
  /** An `sts:AssumeRoot` call: kept only to recognise the session's root events. */
  | 'correlation-only';

/** The verdict on one input: a finding, a deliberate non-finding, or a validation failure. */
type Detection =
  | { kind: 'finding'; finding: Finding }
  | { kind: 'ignored'; reason: IgnoreReason; eventId?: string }
  | { kind: 'invalid'; issues: ValidationIssue[]; eventId?: string };

const isEnvelope = (input: unknown): boolean =>
  typeof input === 'object' && input !== null && 'detail' in input && 'detail-type' in input;

const eventIdOf = (record: unknown): string | undefined => {
  const id = field(record, 'eventID');
  return typeof id === 'string' && id ? id : undefined;
};

/**
 * Turns CloudTrail records or EventBridge envelopes into detections. A record is checked only as
 * far as needed to know it does not concern root; root-related records are fully validated.
 * Keeps the centralized-root sessions it has seen, so the root events they signed are recognised.
 */
class Detector {
  readonly config: DetectorConfig;
  readonly sessions: RootSessionRegistry;

  constructor(config: DetectorConfig = DetectorConfigSchema.parse({}), sessions = new RootSessionRegistry()) {
    this.config = config;
    this.sessions = sessions;
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

  /** Validation issues of an AssumeRoot record, or none once its session (if any) is learnt. */
  #learnSession(record: unknown, path: PropertyKey[] = []): ValidationIssue[] | undefined {
    const parsed = AssumeRootRecordSchema.safeParse(record);
    if (!parsed.success) return toValidationIssues(parsed.error, path);
    const session = issuedRootSession(parsed.data);
    if (session) this.sessions.add(session);
    return undefined;
  }

  #detectRecord(record: unknown, envelope: EnvelopeFacts, path: PropertyKey[]): Detection {
    const relation = rootRelation(record);
    const eventId = eventIdOf(record);
    const known = eventId ? { eventId } : {};
    if (!relation) return { kind: 'ignored', reason: 'not-root-activity', ...known };
    if (relation === 'assume-root-call') {
      const issues = this.#learnSession(record, path);
      if (issues) return { kind: 'invalid', issues, ...known };
      return { kind: 'ignored', reason: 'correlation-only', ...known };
    }
    const parsed = CloudTrailRecordSchema.safeParse(record);
    if (!parsed.success) return { kind: 'invalid', issues: toValidationIssues(parsed.error, path), ...known };
    if (parsed.data.eventType === 'AwsServiceEvent')
      return { kind: 'ignored', reason: 'aws-service-event', ...known };
    return { kind: 'finding', finding: classifyRecord(parsed.data, envelope, this.sessions, this.config) };
  }
}

export { Detector, isEnvelope };
export type { Detection, IgnoreReason };
