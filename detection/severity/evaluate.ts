import type { SeverityOverride } from '../../schemas/detector-config.ts';
import type { Severity } from '../../schemas/finding.ts';
import { DEFAULT_SEVERITY_POLICY } from './default-policy.ts';
import type { SeverityRule } from './default-policy.ts';
import type { SeverityFacts } from './severity-facts.ts';
import { isMoreSevere, oneStepLower } from './severity-facts.ts';

interface SeverityDecision {
  severity: Severity;
  /** The id of the rule that decided: a default-policy rule, or `override:<id>`. */
  rule: string;
}

const effective = (rule: SeverityRule, facts: SeverityFacts): Severity =>
  facts.outcome === 'failure' && rule.failureStepsDown ? oneStepLower(rule.severity) : rule.severity;

/**
 * Precedence: an AWS service acting as root is always `info`; otherwise the most severe matching
 * rule wins. A centralized-root (AssumeRoot) session is an approved mechanism for a few privileged
 * tasks, so it is `medium` unless it meets a critical rule: the `high` rules for other root
 * sessions and credential changes (e.g. IAMDeleteRootUserCredentials) do not apply to it.
 */
const defaultSeverity = (facts: SeverityFacts): SeverityDecision => {
  if (facts.credential === 'aws-service') return { severity: 'info', rule: 'aws-service' };
  let best: SeverityDecision | undefined;
  for (const rule of DEFAULT_SEVERITY_POLICY) {
    if (facts.credential === 'assumed-root' && rule.severity !== 'critical' && rule.id !== 'assumed-root')
      continue;
    if (!rule.when(facts)) continue;
    const severity = effective(rule, facts);
    if (!best || isMoreSevere(severity, best.severity)) best = { severity, rule: rule.id };
  }
  // Unreachable with the default table (every credential has a rule); kept so no root event is ever unrated.
  return best ?? { severity: 'high', rule: 'root-activity' };
};

const listed = <T>(values: readonly T[] | undefined, value: T): boolean =>
  values === undefined || values.includes(value);

const overrideMatches = (override: SeverityOverride, facts: SeverityFacts, decided: Severity): boolean => {
  const { match } = override;
  return (
    listed(match.accounts, facts.account) &&
    listed(match.credentials, facts.credential) &&
    listed(match.activities, facts.activity) &&
    listed(match.outcomes, facts.outcome) &&
    listed(match.eventSources, facts.record.eventSource) &&
    listed(match.eventNames, facts.record.eventName) &&
    listed(match.defaultSeverities, decided)
  );
};

/** The default policy, then the first user override that matches (docs/finding-and-formats.md). */
const evaluateSeverity = (facts: SeverityFacts, overrides: readonly SeverityOverride[]): SeverityDecision => {
  const decision = defaultSeverity(facts);
  const override = overrides.find((candidate) => overrideMatches(candidate, facts, decision.severity));
  return override ? { severity: override.severity, rule: `override:${override.id}` } : decision;
};

export { evaluateSeverity, defaultSeverity };
export type { SeverityDecision };
