import * as z from 'zod/mini';
import { FindingSchema } from './finding.ts';
import { PostureResultSchema } from './posture-result.ts';
import { IsoDateTimeSchema } from './iso-datetime.ts';
import './zod-english.ts';

const ValidationIssueSchema = z.strictObject({ path: z.string(), code: z.string(), message: z.string() });

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
]);

type RecordEntry = z.infer<typeof RecordEntrySchema>;

export { RecordEntrySchema, ValidationIssueSchema };
export type { RecordEntry };
