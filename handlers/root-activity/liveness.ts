import { ForwarderLivenessEventSchema } from '../../schemas/liveness-event.ts';
import type { LivenessHeard } from '../../schemas/liveness-record.ts';
import { toValidationIssues } from '../../schemas/validation-issue.ts';
import type { ValidationIssue } from '../../schemas/validation-issue.ts';

/** How far ahead of the function's clock an envelope time may be (clock skew), in milliseconds. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * A delivered event that claims to be a forwarder's liveness event: heard (the envelope's account
 * and Region, at the envelope's time), or refused with the reasons. A time in the future is
 * refused: PutEvents lets its caller set `Time`, and a far-off time would keep a place "heard"
 * long after its forwarder stopped [EB-PUT].
 */
const hearLiveness = (
  event: unknown,
  now: Date,
): { kind: 'heard'; heard: LivenessHeard } | { kind: 'refused'; issues: ValidationIssue[] } => {
  const parsed = ForwarderLivenessEventSchema.safeParse(event);
  if (!parsed.success) return { kind: 'refused', issues: toValidationIssues(parsed.error) };
  const { data } = parsed;
  if (Date.parse(data.time) > now.getTime() + MAX_CLOCK_SKEW_MS) {
    return {
      kind: 'refused',
      issues: [{ path: 'time', code: 'too_big', message: `the event time is ahead of ${now.toISOString()}` }],
    };
  }
  return {
    kind: 'heard',
    heard: {
      kind: 'liveness',
      account: data.account,
      region: data.region,
      heardAt: new Date(data.time).toISOString(),
      scheduledTime: new Date(data.detail.scheduledTime).toISOString(),
      schedule: data.resources[0],
      ...(data.id && { eventId: data.id }),
    },
  };
};

export { hearLiveness, MAX_CLOCK_SKEW_MS };
