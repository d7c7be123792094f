import * as z from 'zod/mini';
import { FindingSchema } from './finding.ts';
import { IsoDateTimeSchema } from './iso-datetime.ts';
import './zod-english.ts';

/**
 * What the renderers (formats, email, chat) show of the incident a finding belongs to: the running
 * state of one root session when this finding was recorded. The incident model itself (grouping,
 * state, relabelling) belongs to the Incidents work of issue 7; this is only the view it hands to
 * the finding, so that every output shows the same counts. Loose: the incident may carry more.
 */
const IncidentViewSchema = z.looseObject({
  /** Stable for the session: every finding of the incident carries it. */
  id: z.string().check(z.minLength(1)),
  /** Findings of the incident so far, this one included. */
  findings: z.int().check(z.minimum(1)),
  /** Distinct `<service>:<EventName>` of the incident so far. */
  actions: z.array(z.string()),
  regions: z.array(z.string()),
  sourceIps: z.array(z.string()),
  /** Event times of the earliest and the latest finding (event time, not arrival). */
  firstSeen: IsoDateTimeSchema,
  lastSeen: IsoDateTimeSchema,
});

/** Why a finding was not alerted: the suppression rule that matched it (issue 7, "Suppression"). */
const SuppressionNoteSchema = z.looseObject({
  ruleId: z.string().check(z.minLength(1)),
  /** The rule's reason, with its ticket. */
  reason: z.string().check(z.minLength(1)),
  expiresAt: IsoDateTimeSchema,
});

/**
 * A finding as the renderers read it: the contract, plus the optional incident and suppression
 * fields. Until the finding schema declares them itself, this is where they are typed; once it
 * does, this becomes `FindingSchema` and nothing else changes.
 */
const AnnotatedFindingSchema = z.extend(FindingSchema, {
  incident: z.optional(IncidentViewSchema),
  suppression: z.optional(SuppressionNoteSchema),
});

type IncidentView = z.infer<typeof IncidentViewSchema>;
type SuppressionNote = z.infer<typeof SuppressionNoteSchema>;
type AnnotatedFinding = z.infer<typeof AnnotatedFindingSchema>;

export { IncidentViewSchema, SuppressionNoteSchema, AnnotatedFindingSchema };
export type { IncidentView, SuppressionNote, AnnotatedFinding };
