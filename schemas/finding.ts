import * as z from 'zod/mini';
import './zod-english.ts';

/** How root was authenticated for the event (README: "Finding contract"). */
const CREDENTIALS = [
  'password',
  'console-session',
  'access-key',
  'session-token',
  'assumed-root',
  'aws-service',
  'unknown',
] as const;
const ACTIVITIES = [
  'sign-in',
  'password-recovery',
  'credential-change',
  'logging-change',
  'api-call',
] as const;
const OUTCOMES = ['success', 'failure'] as const;
/** Most severe first: the order is used to compare and to step a failure down by one. */
const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;

const CredentialSchema = z.enum(CREDENTIALS);
const ActivitySchema = z.enum(ACTIVITIES);
const OutcomeSchema = z.enum(OUTCOMES);
const SeveritySchema = z.enum(SEVERITIES);

/** A recommendation of a compliance framework that the event bears on. */
const ControlSchema = z.strictObject({
  framework: z.literal('CIS AWS Foundations Benchmark'),
  version: z.string(),
  id: z.string(),
  title: z.string(),
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
  time: z.iso.datetime({ offset: true }),
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
  title: z.string(),
  summary: z.string(),
});

type Credential = z.infer<typeof CredentialSchema>;
type Activity = z.infer<typeof ActivitySchema>;
type Outcome = z.infer<typeof OutcomeSchema>;
type Severity = z.infer<typeof SeveritySchema>;
type Control = z.infer<typeof ControlSchema>;
type AssumedRoot = z.infer<typeof AssumedRootSchema>;
type Finding = z.infer<typeof FindingSchema>;

export {
  CREDENTIALS,
  ACTIVITIES,
  OUTCOMES,
  SEVERITIES,
  CredentialSchema,
  ActivitySchema,
  OutcomeSchema,
  SeveritySchema,
  ControlSchema,
  AssumedRootSchema,
  FindingSchema,
};
export type { Credential, Activity, Outcome, Severity, Control, AssumedRoot, Finding };
