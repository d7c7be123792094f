import type { CompletenessRequest } from '../../schemas/completeness-request.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * Before its window starts, objects are read this much earlier: a CloudTrail object's name gives
 * the minute it was delivered, and "a log file delivered at a specific time can contain records
 * written at any point before that time" (CloudTrail User Guide, log file name format): an event of
 * the window's first seconds can only be in an object named a minute earlier or later, clocks apart.
 */
const OBJECT_SLACK_MS = 15 * MINUTE_MS;
/** Records are searched from a little before the earliest event compared, for clock skew. */
const RECORD_SLACK_MS = 15 * MINUTE_MS;

/** Times in milliseconds: `from` inclusive, `to` exclusive for events, inclusive for deliveries. */
interface Span {
  from: number;
  to: number;
}

/**
 * What one run of the completeness scan reads and compares:
 * - `window`: the event times it covers (`start` inclusive, `end` exclusive);
 * - `events`: the event times it compares: the window, and for scheduled runs the window before it
 *   too, whose events delivered after that run's objects are in this run's objects;
 * - `objects`: the delivery times (object names) of the trail objects it reads: from a little
 *   before the window to `settle` after it;
 * - `records`: the log-event times of the live path's records it searches: from before the first
 *   event compared until the run (the live path records an event after it happened, up to a day
 *   later when EventBridge retried).
 */
interface ScanPlan {
  window: { start: number; end: number };
  events: Span;
  objects: Span;
  records: Span;
  /** `scheduled` (or the window before now) or `requested` (a window given by a person). */
  trigger: 'scheduled' | 'requested';
}

interface PlanSettings {
  windowHours: number;
  settleMinutes: number;
}

/**
 * The plan of a run from what invoked it and the settings. A scheduled run covers the window of
 * `windowHours` that ended `settleMinutes` before its scheduled time, windows tiling the UTC day
 * (`windowHours` divides 24): scheduled at 01:00 with a day and an hour, it covers the day before.
 * A retry or a late start computes the same window from the same scheduled time. Pure.
 */
const scanPlan = (request: CompletenessRequest, now: Date, settings: PlanSettings): ScanPlan => {
  const settle = settings.settleMinutes * MINUTE_MS;
  const length = settings.windowHours * HOUR_MS;
  const requested = request.start !== undefined && request.end !== undefined;
  const anchor = Date.parse(request.scheduledTime ?? now.toISOString());
  const end = requested ? Date.parse(request.end!) : Math.floor((anchor - settle) / length) * length;
  const start = requested ? Date.parse(request.start!) : end - length;
  const eventsFrom = requested ? start : start - length;
  return {
    window: { start, end },
    events: { from: eventsFrom, to: end },
    objects: { from: start - OBJECT_SLACK_MS, to: end + settle },
    records: {
      from: eventsFrom - RECORD_SLACK_MS,
      to: Math.max(now.getTime(), end + settle) + RECORD_SLACK_MS,
    },
    trigger: requested ? 'requested' : 'scheduled',
  };
};

export { scanPlan, OBJECT_SLACK_MS, RECORD_SLACK_MS };
export type { ScanPlan, Span, PlanSettings };
