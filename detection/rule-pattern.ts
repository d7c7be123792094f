import { FORWARDER_LIVENESS_PATTERN } from './liveness-pattern.ts';

/**
 * An EventBridge event pattern, as data. Only the operators `event-pattern-matcher.ts` implements.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns-content-based-filtering.html
 */
type PatternLeaf =
  | string
  | number
  | boolean
  | null
  | { prefix: string }
  | { suffix: string }
  | { 'equals-ignore-case': string }
  | { 'anything-but': string | number | ReadonlyArray<string | number> | { prefix: string } }
  | { exists: boolean };

interface EventPattern {
  readonly [field: string]: readonly PatternLeaf[] | EventPattern | readonly EventPattern[];
}

/** The CloudTrail detail-types EventBridge uses (note the real spelling "Sign In" [EB-CT], S05, S06). */
const CLOUDTRAIL_DETAIL_TYPES = [
  'AWS API Call via CloudTrail',
  'AWS Console Sign In via CloudTrail',
  'AWS Console Action via CloudTrail',
  'AWS Service Event via CloudTrail',
] as const;

/**
 * What the EventBridge rule delivers to the detector: CloudTrail events whose identity is root,
 * sessions minted by root (FederatedUser with a Root issuer), and `sts:AssumeRoot` calls (to learn
 * the keys of centralized-root sessions). A coarse pre-filter: exclusions (`invokedBy` services,
 * `AwsServiceEvent`) are decided in code so that they are recorded, not silently dropped (DOMAIN.md §5).
 * `source` must start with `aws.`: PutEvents refuses such sources to callers, so no one can inject
 * a fake root event [EB-PUT], [SPOOF].
 */
const ROOT_ACTIVITY_PATTERN = {
  source: [{ prefix: 'aws.' }],
  'detail-type': [...CLOUDTRAIL_DETAIL_TYPES],
  $or: [
    { detail: { userIdentity: { type: ['Root'] } } },
    { detail: { userIdentity: { sessionContext: { sessionIssuer: { type: ['Root'] } } } } },
    { detail: { eventSource: ['sts.amazonaws.com'], eventName: ['AssumeRoot'] } },
  ],
} as const satisfies EventPattern;

/**
 * What every rootwatch rule delivers, the forwarders' and the detector's: root activity, and the
 * forwarders' liveness events, which prove that the forwarder's own rule still sends (docs/coverage.md).
 * `$or` at the top, the root branch keeping its own `$or` inside (EventBridge allows `$or` at any
 * level [EB-PAT]).
 */
const DELIVERED_PATTERN = {
  $or: [ROOT_ACTIVITY_PATTERN, FORWARDER_LIVENESS_PATTERN],
} as const satisfies EventPattern;

export { ROOT_ACTIVITY_PATTERN, DELIVERED_PATTERN, CLOUDTRAIL_DETAIL_TYPES };
export type { EventPattern, PatternLeaf };
