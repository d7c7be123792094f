import * as z from 'zod/mini';
import { ActivitySchema, CredentialSchema, OutcomeSchema, SeveritySchema } from './finding-enums.ts';
import { IsoDateTimeSchema } from './iso-datetime.ts';
import './zod-english.ts';

/** A recommendation of a compliance framework that the event bears on. */
const ControlSchema = z.strictObject({
  framework: z.literal('CIS AWS Foundations Benchmark'),
  version: z.string(),
  id: z.string(),
  title: z.string(),
});

/**
 * The root session a finding belongs to, with its running counts (docs/incidents-and-suppression.md). `alert` says
 * whether this finding paged: the first finding of an incident, one more severe than any before
 * it (`escalation`), or neither (`update`: recorded, counted, not paged again).
 */
const IncidentSchema = z.strictObject({
  /** Stable for the session: every finding of the incident carries it. */
  id: z.string().check(z.minLength(1)),
  /** Findings of the incident so far, this one included. */
  count: z.int().check(z.minimum(1)),
  /** Event times of the earliest and the latest finding (event time, not arrival). */
  firstSeen: IsoDateTimeSchema,
  lastSeen: IsoDateTimeSchema,
  /** Distinct `<service>:<EventName>` so far, in the order first seen (at most 100). */
  actions: z.array(z.string()),
  regions: z.array(z.string()),
  sourceIps: z.array(z.string()),
  alert: z.enum(['first', 'escalation', 'update']),
});

/** The suppression rule that kept this finding from paging (docs/incidents-and-suppression.md). */
const SuppressionSchema = z.strictObject({
  ruleId: z.string().check(z.minLength(1)),
  /** The rule's reason, with its ticket. */
  reason: z.string().check(z.minLength(1)),
  expires: IsoDateTimeSchema,
});

/**
 * A root event the live path never received (EventBridge delivery is best effort, DOMAIN.md §5),
 * found afterwards in the trail by the completeness scan (docs/deploy-and-settings.md).
 */
const LateDetectionSchema = z.strictObject({
  /** When the completeness scan found it: the alert comes this late. */
  detectedAt: IsoDateTimeSchema,
  /** The trail object that holds the event, `s3://bucket/key`. */
  object: z.string().check(z.minLength(1)),
});

/** Who opened a centralized-root session (`sts:AssumeRoot`) whose key signed this event. */
const AssumedRootSchema = z.strictObject({
  assumeRootEventId: z.optional(z.string()),
  callerArn: z.optional(z.string()),
  callerAccountId: z.optional(z.string()),
  taskPolicyArn: z.optional(z.string()),
  issuedAt: z.string(),
});

/**
 * The finding: rootwatch's public contract, read by SIEMs, the CLI (`--json`) and the alert bus.
 * Strict: a field that is not declared here is a bug. Optional fields are omitted, never null,
 * except `sourceIp`, `userAgent` and `mfa`, which are always present and null when unknown.
 * `eventId` is the idempotency key: the same CloudTrail event always yields the same `eventId`.
 */
const FindingSchema = z.strictObject({
  schemaVersion: z.literal('1'),
  eventId: z.string(),
  sharedEventId: z.optional(z.string()),
  recipientAccountId: z.optional(z.string()),
  account: z.string(),
  accountAlias: z.optional(z.string()),
  region: z.string(),
  time: IsoDateTimeSchema,
  eventSource: z.string(),
  eventName: z.string(),
  eventType: z.optional(z.string()),
  identityType: z.string(),
  principalArn: z.optional(z.string()),
  sourceIp: z.nullable(z.string()),
  userAgent: z.nullable(z.string()),
  accessKeyId: z.optional(z.string()),
  readOnly: z.optional(z.boolean()),
  errorCode: z.optional(z.string()),
  errorMessage: z.optional(z.string()),
  credential: CredentialSchema,
  activity: ActivitySchema,
  outcome: OutcomeSchema,
  mfa: z.nullable(z.boolean()),
  severity: SeveritySchema,
  severityRule: z.string(),
  controls: z.array(ControlSchema),
  assumedRoot: z.optional(AssumedRootSchema),
  signInSessionArn: z.optional(z.string()),
  sessionIssuedAt: z.optional(z.string()),
  incident: z.optional(IncidentSchema),
  suppression: z.optional(SuppressionSchema),
  lateDetection: z.optional(LateDetectionSchema),
  title: z.string(),
  summary: z.string(),
  /**
   * The free-text fields an alert shortened to fit its sink's size limit (`userAgent`,
   * `incident.sourceIps.3`, …): absent when nothing was cut. Records keep the finding whole.
   */
  truncated: z.optional(z.array(z.string())),
});

type Control = z.infer<typeof ControlSchema>;
type AssumedRoot = z.infer<typeof AssumedRootSchema>;
type Incident = z.infer<typeof IncidentSchema>;
type Suppression = z.infer<typeof SuppressionSchema>;
type LateDetection = z.infer<typeof LateDetectionSchema>;
type Finding = z.infer<typeof FindingSchema>;

export {
  ControlSchema,
  AssumedRootSchema,
  IncidentSchema,
  SuppressionSchema,
  LateDetectionSchema,
  FindingSchema,
};
export type { Control, AssumedRoot, Incident, Suppression, LateDetection, Finding };
export type { Activity, Credential, Outcome, Severity } from './finding-enums.ts';
