import { describe, expect, it } from 'vitest';
import { matchesPattern } from '../../detection/event-pattern-matcher.ts';
import type { EventPattern } from '../../detection/rule-pattern.ts';

const event = {
  source: 'aws.signin',
  'detail-type': 'AWS Console Sign In via CloudTrail',
  detail: { userIdentity: { type: 'Root' }, eventName: 'ConsoleLogin', tags: ['a', 'b'], errorCode: null },
};

describe('Matcher: EventBridge patterns', () => {
  it.each<{ scenario: string; pattern: EventPattern; matches: boolean }>([
    { scenario: 'exact value', pattern: { source: ['aws.signin'] }, matches: true },
    { scenario: 'exact is case-sensitive', pattern: { source: ['AWS.signin'] }, matches: false },
    { scenario: 'any value in the list', pattern: { source: ['aws.iam', 'aws.signin'] }, matches: true },
    { scenario: 'nested field', pattern: { detail: { userIdentity: { type: ['Root'] } } }, matches: true },
    {
      scenario: 'missing nested field',
      pattern: { detail: { userIdentity: { arn: ['x'] } } },
      matches: false,
    },
    { scenario: 'prefix', pattern: { source: [{ prefix: 'aws.' }] }, matches: true },
    { scenario: 'prefix that does not match', pattern: { source: [{ prefix: 'custom.' }] }, matches: false },
    { scenario: 'suffix', pattern: { source: [{ suffix: '.signin' }] }, matches: true },
    {
      scenario: 'equals-ignore-case',
      pattern: { source: [{ 'equals-ignore-case': 'AWS.SIGNIN' }] },
      matches: true,
    },
    {
      scenario: 'anything-but a list',
      pattern: { source: [{ 'anything-but': ['aws.iam'] }] },
      matches: true,
    },
    {
      scenario: 'anything-but the value',
      pattern: { source: [{ 'anything-but': 'aws.signin' }] },
      matches: false,
    },
    {
      scenario: 'anything-but a prefix',
      pattern: { source: [{ 'anything-but': { prefix: 'aws.' } }] },
      matches: false,
    },
    { scenario: 'exists true', pattern: { detail: { eventName: [{ exists: true }] } }, matches: true },
    {
      scenario: 'exists false on a missing field',
      pattern: { detail: { invokedBy: [{ exists: false }] } },
      matches: true,
    },
    {
      scenario: 'exists false on a present field',
      pattern: { detail: { eventName: [{ exists: false }] } },
      matches: false,
    },
    {
      scenario: 'exists true does not match an object',
      pattern: { detail: { userIdentity: [{ exists: true }] } },
      matches: false,
    },
    { scenario: 'null matches a null value', pattern: { detail: { errorCode: [null] } }, matches: true },
    { scenario: 'array value: any element', pattern: { detail: { tags: ['b'] } }, matches: true },
    {
      scenario: '$or: one branch matches',
      pattern: { $or: [{ source: ['aws.iam'] }, { detail: { eventName: ['ConsoleLogin'] } }] },
      matches: true,
    },
    {
      scenario: '$or: no branch matches',
      pattern: { $or: [{ source: ['aws.iam'] }, { detail: { eventName: ['X'] } }] },
      matches: false,
    },
    {
      scenario: 'fields are ANDed',
      pattern: { source: ['aws.signin'], detail: { eventName: ['X'] } },
      matches: false,
    },
  ])('$scenario', ({ pattern, matches }) => {
    expect(matchesPattern(pattern, event)).toBe(matches);
  });

  it('refuses operators it does not implement rather than guessing', () => {
    expect(() => matchesPattern({ source: [{ cidr: '10.0.0.0/8' } as never] }, event)).toThrow(
      'unsupported pattern operator',
    );
  });
});
