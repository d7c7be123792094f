import * as z from 'zod/mini';
import './zod-english.ts';

/**
 * What the completeness scan reads of a `finding` record of the record log group: its event ids.
 * Tolerant, like every input: records written by older or newer versions keep these two fields.
 * @example {"kind":"finding","finding":{"eventId":"deb1e1f9-c99b-4612-8e9f-21f93b5d79c0", "…": "…"}}
 */
const RecordedFindingSchema = z.object({
  kind: z.literal('finding'),
  finding: z.object({ eventId: z.string(), sharedEventId: z.optional(z.string()) }),
});

type RecordedFinding = z.infer<typeof RecordedFindingSchema>;

export { RecordedFindingSchema };
export type { RecordedFinding };
