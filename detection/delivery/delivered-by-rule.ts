import { matchesPattern } from '../event-pattern-matcher.ts';
import { DELIVERED_PATTERN } from '../rule-pattern.ts';

/**
 * Whether the deployed EventBridge rules would deliver this event to the function (same pattern
 * data): root activity, and the forwarders' liveness events.
 */
const deliveredByRule = (event: unknown): boolean => matchesPattern(DELIVERED_PATTERN, event);

export { deliveredByRule };
