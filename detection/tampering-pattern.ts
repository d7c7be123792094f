import type { ProtectedResources } from '../schemas/protected-resources.ts';
import type { EventPattern, PatternLeaf } from './rule-pattern.ts';
import { TAMPERING_CALLS } from './tampering/tampering-events.ts';
import type { TamperingCalls } from './tampering/tampering-events.ts';
import { patternLeaves, protectsAll } from './tampering/tampering-names.ts';

/** Tampering calls are API calls; CloudTrail sends them to EventBridge with this detail-type [EB-CT]. */
const API_CALL_DETAIL_TYPE = 'AWS API Call via CloudTrail';

/**
 * "EventPattern … Maximum length of 4096" [EB-RULE]: a longer pattern fails the deployment.
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutRule.html
 */
const MAX_PATTERN_LENGTH = 4096;

/** One branch of a tampering pattern: one row of TAMPERING_CALLS on some protected resources of its kind. */
interface Branch {
  calls: TamperingCalls;
  entries: readonly string[];
}

const branchesOf = (resources: ProtectedResources): Branch[] =>
  TAMPERING_CALLS.flatMap((calls) => {
    const entries = resources[calls.kind];
    return entries?.length ? [{ calls, entries }] : [];
  });

const detailOf = ({ calls, entries }: Branch): EventPattern => {
  const named: EventPattern = protectsAll(entries)
    ? {}
    : { [calls.field]: patternLeaves(calls.form, entries) as PatternLeaf[] };
  const requestParameters = { ...named, ...calls.also };
  return {
    eventSource: [`${calls.service}.amazonaws.com`],
    eventName: [...calls.eventNames],
    ...(Object.keys(requestParameters).length > 0 && { requestParameters }),
  };
};

/** The pattern of some branches: `source` lists only `aws.*` sources, which PutEvents refuses to callers [EB-PUT]. */
const patternOf = (branches: readonly Branch[]): EventPattern | undefined => {
  const [only] = branches;
  if (!only) return undefined;
  const head = {
    source: [...new Set(branches.map((branch) => `aws.${branch.calls.service}`))],
    'detail-type': [API_CALL_DETAIL_TYPE],
  };
  return branches.length === 1
    ? { ...head, detail: detailOf(only) }
    : { ...head, $or: branches.map((branch) => ({ detail: detailOf(branch) })) };
};

/**
 * The EventBridge pattern of the calls that disable or weaken `resources`, whoever makes them
 * (docs/tampering-and-takeover.md); undefined when nothing is protected. Content filters on the
 * request parameters keep everything else out; the classifier (tampered-resource.ts) decides
 * exactly. Pure data, built the same way by the CDK (with the deployed names, tokens included) and
 * by `rootwatch replay` (with the deployed `DetectorConfig`): nobody can inject a fake tampering event.
 */
const tamperingPattern = (resources: ProtectedResources): EventPattern | undefined =>
  patternOf(branchesOf(resources));

interface RulePlanOptions {
  /** The longest pattern a rule may have. */
  maxLength?: number;
  /**
   * The length `text` will have once deployed: more than its own for the CDK's tokens, which
   * CloudFormation replaces by names of up to 64 characters (longer for ARNs).
   */
  lengthOf?: (text: string) => number;
}

/** The deployed length of a pattern, each string at its deployed length. */
const deployedLength = (pattern: EventPattern, lengthOf: (text: string) => number): number =>
  JSON.stringify(pattern, (_key, value: unknown) =>
    typeof value === 'string' ? 'x'.repeat(lengthOf(value)) : value,
  ).length;

/** Branches too long for one rule, cut into branches of fewer resources each. */
const cut = (branch: Branch, fits: (branches: Branch[]) => boolean): Branch[] => {
  if (fits([branch]) || branch.entries.length < 2) return [branch];
  const half = Math.ceil(branch.entries.length / 2);
  return [branch.entries.slice(0, half), branch.entries.slice(half)].flatMap((entries) =>
    cut({ calls: branch.calls, entries }, fits),
  );
};

/**
 * The tampering rules of one bus: patterns that together match what `tamperingPattern(resources)`
 * matches with the rules themselves protected, each event by one rule only, each pattern within
 * EventBridge's limit, and every rule watched by another. A rule cannot see its own DisableRule
 * (it is off when the event arrives): the first rule takes the calls on every event rule but itself
 * (the others' included) and on the buses; the second, the calls on the first rule; the calls on
 * the other resources fill the second rule, then as many more as they need. `ruleName(index)`
 * names the rules, the first at 0. Throws when one resource alone cannot fit a pattern.
 */
const tamperingRulePatterns = (
  resources: ProtectedResources,
  ruleName: (index: number) => string,
  { maxLength = MAX_PATTERN_LENGTH, lengthOf = (text: string) => text.length }: RulePlanOptions = {},
): { name: string; pattern: EventPattern }[] => {
  const fits = (branches: Branch[]) => deployedLength(patternOf(branches)!, lengthOf) <= maxLength;
  const { eventRules = [], eventBuses, ...others } = resources;
  const first = ruleName(0);
  const rest = branchesOf({ eventRules: [first], ...others }).flatMap((branch) => cut(branch, fits));
  const bins: Branch[][] = [];
  for (const branch of rest) {
    if (!fits([branch]))
      throw new Error(`a tampering pattern cannot fit ${branch.calls.kind} ${branch.entries[0]}`);
    const bin = bins.find((candidate) => fits([...candidate, branch]));
    if (bin) bin.push(branch);
    else bins.push([branch]);
  }
  const names = [first, ...bins.map((_bin, index) => ruleName(index + 1))];
  const watched = [...new Set([...eventRules, ...names])].filter((rule) => rule !== first);
  const firstBranches = branchesOf({ eventRules: watched, ...(eventBuses && { eventBuses }) });
  if (!fits(firstBranches)) throw new Error(`the first tampering rule cannot watch ${watched.length} rules`);
  return [firstBranches, ...bins].map((branches, index) => ({
    name: names[index]!,
    pattern: patternOf(branches)!,
  }));
};

export { tamperingPattern, tamperingRulePatterns, API_CALL_DETAIL_TYPE, MAX_PATTERN_LENGTH };
export type { RulePlanOptions };
