import { LIVENESS_DETAIL_TYPE, LIVENESS_SOURCE } from '../schemas/liveness-event.ts';
import type { EventPattern } from './rule-pattern.ts';

/**
 * The forwarders' liveness events (schemas/liveness-event.ts), as a branch of every rootwatch rule:
 * the forwarder's rule sends them on with the root activity, and the detector's rules deliver them
 * to the function. A coarse pre-filter, like the root branch: what is accepted as heard is decided
 * in code, so that a refused event is recorded, not silently dropped.
 */
const FORWARDER_LIVENESS_PATTERN = {
  source: [LIVENESS_SOURCE],
  'detail-type': [LIVENESS_DETAIL_TYPE],
} as const satisfies EventPattern;

export { FORWARDER_LIVENESS_PATTERN };
