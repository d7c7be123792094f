import type { ProtectedResources } from '../../schemas/protected-resources.ts';
import { matchesPattern } from '../event-pattern-matcher.ts';
import type { EventPattern } from '../rule-pattern.ts';
import { DELIVERED_PATTERN } from '../rule-pattern.ts';
import { tamperingPattern } from '../tampering-pattern.ts';

const tamperingPatterns = new WeakMap<ProtectedResources, EventPattern | undefined>();

/**
 * Whether the deployed EventBridge rules would deliver this event to the function (same pattern
 * data): root activity and the forwarders' liveness events, and, when the deployment protects
 * resources, its tampering rules.
 */
const deliveredByRule = (event: unknown, protectedResources?: ProtectedResources): boolean => {
  if (matchesPattern(DELIVERED_PATTERN, event)) return true;
  if (!protectedResources) return false;
  if (!tamperingPatterns.has(protectedResources))
    tamperingPatterns.set(protectedResources, tamperingPattern(protectedResources));
  const tampering = tamperingPatterns.get(protectedResources);
  return tampering !== undefined && matchesPattern(tampering, event);
};

export { deliveredByRule };
