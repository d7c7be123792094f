import { matchesPattern } from '../event-pattern-matcher.ts';
import { ROOT_ACTIVITY_PATTERN } from '../rule-pattern.ts';

/** Whether the deployed EventBridge rule would deliver this event to the function (same pattern data). */
const deliveredByRule = (event: unknown): boolean => matchesPattern(ROOT_ACTIVITY_PATTERN, event);

export { deliveredByRule };
