import * as z from 'zod/mini';
import { FindingSchema } from './finding.ts';
import { PostureResultSchema } from './posture-result.ts';
import { IsoDateTimeSchema } from './iso-datetime.ts';
import { CoverageRunSchema, LivenessHeardSchema } from './liveness-record.ts';
import './zod-english.ts';

const ValidationIssueSchema = z.strictObject({ path: z.string(), code: z.string(), message: z.string() });
const count = z.int().check(z.minimum(0));
const span = z.strictObject({ from: IsoDateTimeSchema, to: IsoDateTimeSchema });

/**
 * One run of the completeness scan (docs/deploy-and-settings.md), so that an auditor can see which
 * windows were checked and with what result. `window`: the event times the run covers (start
 * inclusive, end exclusive); `events`: the event times it compared, the window and the late
 * arrivals of the one before; `objects`: the delivery times of the trail objects it read.
 * `rootEvents` were delivered by the rule's pattern and at or above the alert threshold; the
 * `missed` ones had no record of the live path and are recorded in this group as findings with
 * `lateDetection`. `complete` is false when an object could not be read, the run stopped early or found no object.
 */
const CompletenessRunSchema = z.strictObject({
  kind: z.literal('completeness'),
  window: z.strictObject({ start: IsoDateTimeSchema, end: IsoDateTimeSchema }),
  events: span,
  objects: span,
  accounts: count,
  objectsScanned: count,
  objectsUnreadable: count,
  rootEvents: count,
  missed: count,
  alerted: count,
  stoppedEarly: z.boolean(),
  complete: z.boolean(),
});

/**
 * One log event in the record log group: every event the rule delivers leaves exactly one trace, so
 * an auditor can account for each of them. Strict, like every output.
 * - `finding`: a root event and its finding.
 * - `invalid-event`: an event that failed validation, with the reasons and the event itself (secrets
 *   such as session tokens redacted); it is not retried, it will never become valid.
 * - `ignored`: delivered, but no finding (a service event, an AssumeRoot call kept for correlation).
 * - `heartbeat`: the daily synthetic event that proves the path works end to end.
 * - `posture`: one result of the scheduled root posture audit (`rootwatch audit`'s contract), with the
 *   time its credential report was generated and the status the check had before.
 * - `invalid-report`: a credential report the scheduled audit could not read, with the problems.
 * - `completeness`: one run of the completeness scan; the root events it found missing are
 *   `finding` entries whose finding has `lateDetection`.
 * - `liveness`: a forwarder's liveness event, heard from the envelope's account and Region
 *   (docs/coverage.md); one that claims to be one and is not is an `invalid-event`.
 * - `coverage`: one run of the scheduled coverage check: the places it expected, those silent.
 */
const RecordEntrySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('finding'), finding: FindingSchema }),
  z.strictObject({
    kind: z.literal('invalid-event'),
    issues: z.array(ValidationIssueSchema),
    event: z.unknown(),
  }),
  z.strictObject({
    kind: z.literal('ignored'),
    reason: z.string(),
    eventId: z.optional(z.string()),
    /** An AssumeRoot call relabelled the incident of its session's earlier events as `assumed-root`. */
    incidentId: z.optional(z.string()),
  }),
  z.strictObject({
    kind: z.literal('heartbeat'),
    time: IsoDateTimeSchema,
    finding: FindingSchema,
  }),
  z.strictObject({
    kind: z.literal('posture'),
    asOf: IsoDateTimeSchema,
    previousStatus: z.optional(z.string()),
    result: PostureResultSchema,
  }),
  z.strictObject({
    kind: z.literal('invalid-report'),
    account: z.string(),
    problems: z.array(z.string()),
  }),
  CompletenessRunSchema,
  LivenessHeardSchema,
  CoverageRunSchema,
]);

type RecordEntry = z.infer<typeof RecordEntrySchema>;
type CompletenessRun = z.infer<typeof CompletenessRunSchema>;

export { RecordEntrySchema, ValidationIssueSchema, CompletenessRunSchema };
export type { RecordEntry, CompletenessRun };
