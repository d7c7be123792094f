import { matchesWildcard } from '../event-pattern-matcher.ts';
import type { PatternLeaf } from '../rule-pattern.ts';
import type { NameForm } from './tampering-events.ts';

const same = (names: string[]): { exact: string[]; pattern: string[] } => ({ exact: names, pattern: names });

const lastAfter = (text: string, separator: string): string => text.slice(text.lastIndexOf(separator) + 1);

/**
 * The ways a call may name a protected resource `entry`, as wildcard strings (`*`: any run of
 * characters). `exact` is what the classifier accepts; `pattern` is what the EventBridge rule lets
 * through, the same or wider where that keeps the rule short (the rule's pattern is limited to
 * 4,096 characters [EB-RULE]). Entries may be CDK tokens: only their text is used, never parsed.
 * - functions: `my-function`, `arn:aws:lambda:us-west-2:123456789012:function:my-function`, the
 *   partial `123456789012:function:my-function`, each optionally with `:qualifier` [LAMBDA-NAMES];
 * - keys: the key id or the key ARN `arn:aws:kms:<region>:<account>:key/<id>` [KMS-KEYID];
 * - subscriptions: `<topic ARN>:<subscription id>` [SNS-SUB];
 * - stacks: the name or the stack id `arn:aws:cloudformation:<region>:<account>:stack/<name>/<id>`;
 * - StackSets: the name or the StackSet id `<name>:<id>`;
 * - trails: the name or `arn:aws:cloudtrail:<region>:<account>:trail/<name>`;
 * - event buses: the name or `arn:aws:events:<region>:<account>:event-bus/<name>`.
 * [EB-RULE] https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutRule.html (EventPattern ≤ 4096)
 * [LAMBDA-NAMES] https://docs.aws.amazon.com/lambda/latest/api/API_DeleteFunction.html
 * [KMS-KEYID] https://docs.aws.amazon.com/kms/latest/APIReference/API_DisableKey.html
 * [SNS-SUB] https://docs.aws.amazon.com/sns/latest/api/API_Unsubscribe.html
 */
const NAME_FORMS: Record<NameForm, (entry: string) => { exact: string[]; pattern: string[] }> = {
  name: (entry) => same([entry]),
  bus: (entry) =>
    same(entry.startsWith('arn:') ? [entry, lastAfter(entry, '/')] : [entry, `*:event-bus/${entry}`]),
  // The rule takes names ending like the function's (and qualified ARNs): the exact check then refuses look-alikes.
  function: (entry) => ({
    exact: [entry, `${entry}:*`, `*:function:${entry}`, `*:function:${entry}:*`],
    pattern: [`*${entry}`, `*:function:${entry}:*`],
  }),
  key: (entry) => same(entry.startsWith('arn:') ? [entry, lastAfter(entry, '/')] : [entry, `*:key/${entry}`]),
  topic: (entry) => same([entry]),
  subscription: (entry) => same([`${entry}:*`]),
  stack: (entry) => same([entry, `*:stack/${entry}/*`]),
  'stack-set': (entry) => same([entry, `${entry}:*`]),
  trail: (entry) =>
    same(entry.startsWith('arn:') ? [entry, lastAfter(entry, '/')] : [entry, `*:trail/${entry}`]),
};

/** Every entry given as `*` alone: the kind is protected whatever its name, so the field is not filtered. */
const protectsAll = (entries: readonly string[]): boolean => entries.includes('*');

/** A wildcard string as the cheapest EventBridge leaf: exact, prefix, suffix or wildcard. */
const leafOf = (name: string): PatternLeaf => {
  const stars = name.split('*').length - 1;
  if (stars === 0) return name;
  if (stars === 1 && name.endsWith('*')) return { prefix: name.slice(0, -1) };
  if (stars === 1 && name.startsWith('*')) return { suffix: name.slice(1) };
  return { wildcard: name };
};

/** The leaves of a rule's pattern for a field that names one of `entries`, each leaf once. */
const patternLeaves = (form: NameForm, entries: readonly string[]): PatternLeaf[] => {
  const names = [...new Set(entries.flatMap((entry) => NAME_FORMS[form](entry).pattern))];
  return names.map(leafOf);
};

/** The entry that `value` (a request parameter) names, if it names one. */
const namedEntry = (form: NameForm, entries: readonly string[], value: unknown): string | undefined => {
  if (typeof value !== 'string' || value === '') return undefined;
  if (protectsAll(entries)) return value;
  return entries.find((entry) => NAME_FORMS[form](entry).exact.some((name) => matchesWildcard(name, value)));
};

export { patternLeaves, namedEntry, protectsAll, leafOf };
