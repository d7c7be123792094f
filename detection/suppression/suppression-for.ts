import type { Finding, Suppression } from '../../schemas/finding.ts';
import type { SuppressionRule } from '../../schemas/suppression-config.ts';
import { inCidr } from './cidr.ts';

const listed = <T>(values: readonly T[] | undefined, value: T | undefined): boolean =>
  values === undefined || (value !== undefined && values.includes(value));

/** `arn:aws:sts::<acct>:assumed-role/<role>/<session>` → `arn:aws:iam::<acct>:role/<role>`. */
const roleOfSession = (arn: string): string | undefined => {
  const match = /^arn:(aws[\w-]*):sts::(\d{12}):assumed-role\/([^/]+)\//.exec(arn);
  return match ? `arn:${match[1]}:iam::${match[2]}:role/${match[3]}` : undefined;
};

const callerMatches = (callers: readonly string[] | undefined, finding: Finding): boolean => {
  if (callers === undefined) return true;
  const caller = finding.assumedRoot?.callerArn;
  return caller !== undefined && (callers.includes(caller) || callers.includes(roleOfSession(caller) ?? ''));
};

const matches = (rule: SuppressionRule, finding: Finding): boolean => {
  const { match } = rule;
  const time = Date.parse(finding.time);
  return (
    listed(match.accounts, finding.account) &&
    (match.window === undefined ||
      (time >= Date.parse(match.window.start) && time <= Date.parse(match.window.end))) &&
    (match.sourceCidrs === undefined ||
      match.sourceCidrs.some((block) => finding.sourceIp !== null && inCidr(finding.sourceIp, block))) &&
    listed(match.credentials, finding.credential) &&
    listed(match.eventNames, finding.eventName) &&
    callerMatches(match.assumeRootCallers, finding) &&
    // A critical finding needs a rule that names the reason it is critical.
    (finding.severity !== 'critical' || (rule.critical ?? []).some((name) => name === finding.severityRule))
  );
};

const isExpired = (rule: SuppressionRule, now: Date): boolean => Date.parse(rule.expires) <= now.getTime();

/**
 * The first rule, not expired at `now`, that suppresses this finding (docs/incidents-and-suppression.md), as the
 * finding records it; undefined when none does. Pure.
 */
const suppressionFor = (
  finding: Finding,
  rules: readonly SuppressionRule[],
  now: Date,
): Suppression | undefined => {
  const rule = rules.find((candidate) => !isExpired(candidate, now) && matches(candidate, finding));
  return rule && { ruleId: rule.id, reason: rule.reason, expires: rule.expires };
};

/** Rules past their expiry: they match nothing, and are reported so someone renews or removes them. */
const expiredRules = (rules: readonly SuppressionRule[], now: Date): SuppressionRule[] =>
  rules.filter((rule) => isExpired(rule, now));

export { suppressionFor, expiredRules, roleOfSession };
