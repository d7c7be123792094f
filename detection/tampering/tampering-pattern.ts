import type { ProtectedResources } from '../../schemas/protected-resources.ts';
import type { EventPattern, PatternLeaf } from '../rule-pattern.ts';
import { TAMPERING_CALLS } from './tampering-events.ts';
import { patternLeaves, protectsAll } from './tampering-names.ts';

/** Tampering calls are API calls; CloudTrail sends them to EventBridge with this detail-type [EB-CT]. */
const API_CALL_DETAIL_TYPE = 'AWS API Call via CloudTrail';

/** One branch of a tampering pattern: the calls of one row of TAMPERING_CALLS on the protected resources. */
const branchesOf = (resources: ProtectedResources): { source: string; detail: EventPattern }[] =>
  TAMPERING_CALLS.flatMap((calls) => {
    const entries = resources[calls.kind];
    if (!entries?.length) return [];
    const named: EventPattern = protectsAll(entries)
      ? {}
      : { [calls.field]: patternLeaves(calls.form, entries) as PatternLeaf[] };
    const requestParameters = { ...named, ...calls.also };
    return [
      {
        source: `aws.${calls.service}`,
        detail: {
          eventSource: [`${calls.service}.amazonaws.com`],
          eventName: [...calls.eventNames],
          ...(Object.keys(requestParameters).length > 0 && { requestParameters }),
        },
      },
    ];
  });

/**
 * The EventBridge pattern of the calls that disable or weaken `resources`, whoever makes them
 * (docs/tampering-and-takeover.md); undefined when nothing is protected. Content filters on the
 * request parameters keep everything else out; the classifier (tampered-resource.ts) decides
 * exactly. Pure data, built the same way by the CDK (with the deployed names, tokens included) and
 * by `rootwatch replay` (with the deployed `DetectorConfig`). `source` lists only `aws.*` sources,
 * which PutEvents refuses to callers [EB-PUT]: nobody can inject a fake tampering event.
 */
const tamperingPattern = (resources: ProtectedResources): EventPattern | undefined => {
  const branches = branchesOf(resources);
  const [only] = branches;
  if (!only) return undefined;
  const head = {
    source: [...new Set(branches.map((branch) => branch.source))],
    'detail-type': [API_CALL_DETAIL_TYPE],
  };
  return branches.length === 1
    ? { ...head, detail: only.detail }
    : { ...head, $or: branches.map((branch) => ({ detail: branch.detail })) };
};

/**
 * The patterns of two rules that watch each other, so that disabling either is seen by the other
 * (a rule cannot see its own DisableRule: it is off when the event arrives). The first rule takes
 * the calls on the event rules (the second's included, not its own) and buses; the second takes
 * the calls on the first rule and every other resource. Together they match what
 * `tamperingPattern(resources)` with both rules protected matches, and no event twice.
 */
const watchingPatterns = (
  resources: ProtectedResources,
  [first, second]: readonly [string, string],
): [EventPattern, EventPattern] => {
  const { eventRules = [], eventBuses, ...others } = resources;
  const firstRules = [...new Set([...eventRules, second])].filter((rule) => rule !== first);
  const firstPattern = tamperingPattern({ eventRules: firstRules, ...(eventBuses && { eventBuses }) });
  const secondPattern = tamperingPattern({ ...others, eventRules: [first] });
  // Both have rules to watch, so neither is undefined.
  return [firstPattern!, secondPattern!];
};

export { tamperingPattern, watchingPatterns, API_CALL_DETAIL_TYPE };
