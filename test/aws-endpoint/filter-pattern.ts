import { invalid } from './service-error.ts';

/** One comparison of a JSON filter pattern: `$.kind = "finding"`. */
interface Comparison {
  path: string[];
  operator: '=' | '!=';
  value: string | number;
}

const COMPARISON = /^\$((?:\.[A-Za-z_][\w-]*)+)\s*(!=|=)\s*(?:"([^"]*)"|(-?\d+(?:\.\d+)?)|([\w.*-]+))$/;

const valueAt = (message: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>(
    (value, key) =>
      typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined,
    message,
  );

/** String comparisons allow `*` as a wildcard, as the service does. */
const equals = (actual: unknown, expected: string | number): boolean => {
  if (typeof expected === 'number') return actual === expected;
  if (typeof actual !== 'string') return false;
  if (!expected.includes('*')) return actual === expected;
  const pattern = expected.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${pattern.join('.*')}$`).test(actual);
};

const parseComparison = (text: string): Comparison => {
  const match = COMPARISON.exec(text.trim());
  if (!match) throw invalid(`Invalid filter pattern: ${text.trim()}`);
  const [, selector = '', operator, quoted, number, bare] = match;
  return {
    path: selector.slice(1).split('.'),
    operator: operator as Comparison['operator'],
    value: quoted ?? (number !== undefined ? Number(number) : (bare ?? '')),
  };
};

/**
 * A matcher for CloudWatch Logs filter patterns, as far as the tests use them: empty (every event),
 * or a JSON pattern `{ $.a.b = "x" && $.c != 2 }` of equality comparisons joined by all `&&` or all
 * `||`, strings with `*` wildcards. Anything else is refused as the service refuses an invalid one
 * (InvalidParameterException), never silently matched.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html
 */
const filterPatternMatcher = (pattern: string): ((message: string) => boolean) => {
  const text = pattern.trim();
  if (text === '') return () => true;
  if (!text.startsWith('{') || !text.endsWith('}'))
    throw invalid(`Invalid filter pattern (this endpoint implements JSON patterns only): ${text}`);
  const body = text.slice(1, -1);
  const any = body.includes('||');
  if (any && body.includes('&&')) throw invalid(`Invalid filter pattern (mixed && and ||): ${text}`);
  const comparisons = body.split(any ? '||' : '&&').map(parseComparison);
  return (message) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(message);
    } catch {
      return false;
    }
    const holds = ({ path, operator, value }: Comparison) => {
      const actual = valueAt(parsed, path);
      // Here, a selector that is absent matches neither `=` nor `!=`.
      if (actual === undefined) return false;
      return operator === '=' ? equals(actual, value) : !equals(actual, value);
    };
    return any ? comparisons.some(holds) : comparisons.every(holds);
  };
};

export { filterPatternMatcher };
