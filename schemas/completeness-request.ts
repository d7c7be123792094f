import * as z from 'zod/mini';
import { IsoDateTimeSchema } from './iso-datetime.ts';
import './zod-english.ts';

/** The longest window a manual run may ask for: one function run must read every object of it. */
const MAX_MANUAL_WINDOW_HOURS = 168;

/**
 * What invokes the completeness scan. The schedule sends its own time (EventBridge Scheduler's
 * `<aws.scheduler.scheduled-time>`), so that a retry or a late start scans the same window; a
 * person re-running a window gives `start` and `end` (ISO times, at most a week apart). Anything
 * else (`{}`, a test event) scans the window that ended before now. Tolerant: unknown fields pass.
 * @example { "source": "rootwatch.completeness-schedule", "scheduledTime": "2026-05-03T01:00:00Z" }
 * @example { "start": "2026-05-01T00:00:00Z", "end": "2026-05-02T00:00:00Z" }
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-schedule-context-attributes.html
 */
const CompletenessRequestSchema = z
  .object({
    scheduledTime: z.optional(IsoDateTimeSchema),
    start: z.optional(IsoDateTimeSchema),
    end: z.optional(IsoDateTimeSchema),
  })
  .check(
    z.refine((request) => (request.start === undefined) === (request.end === undefined), {
      error: 'start and end go together: give both or neither',
      path: ['end'],
    }),
    z.refine(
      ({ start, end }) =>
        start === undefined ||
        end === undefined ||
        (Date.parse(start) < Date.parse(end) &&
          Date.parse(end) - Date.parse(start) <= MAX_MANUAL_WINDOW_HOURS * 3_600_000),
      { error: `end must be after start, by at most ${MAX_MANUAL_WINDOW_HOURS} hours`, path: ['end'] },
    ),
  );

type CompletenessRequest = z.infer<typeof CompletenessRequestSchema>;

export { CompletenessRequestSchema, MAX_MANUAL_WINDOW_HOURS };
export type { CompletenessRequest };
