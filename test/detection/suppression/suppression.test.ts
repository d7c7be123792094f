import { describe, expect, it } from 'vitest';
import { Detector } from '../../../detection/detector.ts';
import { inCidr } from '../../../detection/suppression/cidr.ts';
import { expiredRules, suppressionFor } from '../../../detection/suppression/suppression-for.ts';
import type { Finding } from '../../../schemas/finding.ts';
import { SuppressionConfigSchema, SuppressionRuleSchema } from '../../../schemas/suppression-config.ts';
import type { SuppressionRule } from '../../../schemas/suppression-config.ts';
import { sampleJson } from '../../helpers/records.ts';

const findingOf = (file: string, index = 0): Finding => {
  const value = sampleJson(file);
  const inputs = 'Records' in value ? (value.Records as unknown[]) : [value];
  const detector = new Detector();
  detector.learnSessions(inputs);
  const detection = inputs.map((input) => detector.detect(input)).filter((one) => one.kind === 'finding')[
    index
  ];
  if (detection?.kind !== 'finding') throw new Error(`${file} has no finding ${index}`);
  return detection.finding;
};
const rule = (input: Record<string, unknown>): SuppressionRule =>
  SuppressionRuleSchema.parse({ id: 'r1', reason: 'SEC-1', expires: '2030-01-01T00:00:00Z', ...input });
const NOW = new Date('2026-11-29T12:00:00Z');

describe('Suppression: rules', () => {
  const consoleCall = findingOf('console-session/root-console-session-create-user.json'); // high, 198.51.100.23, 2025-06-02T09:14:31Z
  const noMfaLogin = findingOf('sign-in/root-console-login-without-mfa.json'); // critical: sign-in-without-mfa
  const assumedRoot = findingOf('assumed-root/assume-root-task-delete-bucket-policy.log.json'); // medium, caller JohnDoe

  it.each([
    { scenario: 'account', match: { accounts: ['111122223333'] }, suppressed: true },
    { scenario: 'another account', match: { accounts: ['444455556666'] }, suppressed: false },
    {
      scenario: 'time window',
      match: { window: { start: '2025-06-02T09:00:00Z', end: '2025-06-02T10:00:00Z' } },
      suppressed: true,
    },
    {
      scenario: 'time window missed',
      match: { window: { start: '2025-06-02T10:00:00Z', end: '2025-06-02T11:00:00Z' } },
      suppressed: false,
    },
    { scenario: 'source CIDR', match: { sourceCidrs: ['198.51.100.0/24'] }, suppressed: true },
    { scenario: 'source CIDR missed', match: { sourceCidrs: ['203.0.113.0/24'] }, suppressed: false },
    { scenario: 'credential', match: { credentials: ['console-session'] }, suppressed: true },
    { scenario: 'event name', match: { eventNames: ['CreateUser'] }, suppressed: true },
    {
      scenario: 'all fields must match',
      match: { accounts: ['111122223333'], eventNames: ['DeleteUser'] },
      suppressed: false,
    },
  ])('matches on $scenario: $suppressed', ({ match, suppressed }) => {
    expect(suppressionFor(consoleCall, [rule({ match })], NOW) !== undefined).toBe(suppressed);
  });

  it('records the rule, its reason and expiry on what it suppresses', () => {
    expect(suppressionFor(consoleCall, [rule({ match: { accounts: ['111122223333'] } })], NOW)).toStrictEqual(
      {
        ruleId: 'r1',
        reason: 'SEC-1',
        expires: '2030-01-01T00:00:00Z',
      },
    );
  });

  it('suppresses a critical finding only with a rule that names why it is critical', () => {
    // Prepare
    const broad = rule({ match: { accounts: ['111122223333'] } });
    const naming = rule({ match: { accounts: ['111122223333'] }, critical: ['sign-in-without-mfa'] });
    const namingAnother = rule({ match: { accounts: ['111122223333'] }, critical: ['logging-change'] });

    // Assess
    expect(noMfaLogin.severity).toBe('critical');
    expect(suppressionFor(noMfaLogin, [broad], NOW)).toBeUndefined();
    expect(suppressionFor(noMfaLogin, [namingAnother], NOW)).toBeUndefined();
    expect(suppressionFor(noMfaLogin, [naming], NOW)?.ruleId).toBe('r1');
  });

  it('matches the principal that started a centralized-root session, by its role or its session', () => {
    // Prepare
    const byRole = rule({ match: { assumeRootCallers: ['arn:aws:iam::111111111111:role/JohnDoe'] } });
    const bySession = rule({
      match: { assumeRootCallers: ['arn:aws:sts::111111111111:assumed-role/JohnDoe/JohnRole1'] },
    });
    const other = rule({ match: { assumeRootCallers: ['arn:aws:iam::111111111111:role/Someone'] } });

    // Assess
    expect(suppressionFor(assumedRoot, [byRole], NOW)).toBeDefined();
    expect(suppressionFor(assumedRoot, [bySession], NOW)).toBeDefined();
    expect(suppressionFor(assumedRoot, [other], NOW)).toBeUndefined();
    expect(suppressionFor(consoleCall, [byRole], NOW)).toBeUndefined();
  });

  it('stops matching at its expiry, and reports the rule', () => {
    // Prepare
    const expired = rule({ expires: '2026-11-01T00:00:00Z', match: { accounts: ['111122223333'] } });

    // Assess
    expect(suppressionFor(consoleCall, [expired], NOW)).toBeUndefined();
    expect(
      expiredRules([expired, rule({ id: 'r2', match: { accounts: ['1'] } })], NOW).map((one) => one.id),
    ).toStrictEqual(['r1']);
  });

  it.each([
    {
      input: { id: 'r', reason: 'SEC-1', expires: '2030-01-01T00:00:00Z', match: {} },
      path: 'rules.0.match',
    },
    {
      input: { id: 'r', expires: '2030-01-01T00:00:00Z', match: { accounts: ['1'] } },
      path: 'rules.0.reason',
    },
    { input: { id: 'r', reason: 'SEC-1', match: { accounts: ['1'] } }, path: 'rules.0.expires' },
    {
      input: {
        id: 'r',
        reason: 'SEC-1',
        expires: '2030-01-01T00:00:00Z',
        match: { sourceCidrs: ['office'] },
      },
      path: 'rules.0.match.sourceCidrs.0',
    },
    {
      input: {
        id: 'r',
        reason: 'SEC-1',
        expires: '2030-01-01T00:00:00Z',
        match: { accounts: ['1'] },
        critical: ['everything'],
      },
      path: 'rules.0.critical.0',
    },
  ])(
    'refuses a rule without a condition, a reason or an expiry, or with a bad value ($path)',
    ({ input, path }) => {
      // Act
      const parsed = SuppressionConfigSchema.safeParse({ version: 1, rules: [input] });

      // Assess
      expect(parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'))).toContain(path);
    },
  );
});

describe('Suppression: CIDR blocks', () => {
  it.each([
    ['198.51.100.23', '198.51.100.0/24', true],
    ['198.51.101.23', '198.51.100.0/24', false],
    ['10.1.2.3', '10.0.0.0/8', true],
    ['192.0.2.1', '0.0.0.0/0', true],
    ['2001:db8::1', '2001:db8::/32', true],
    ['2001:db9::1', '2001:db8::/32', false],
    ['::1', '::1/128', true],
    ['AWS Internal', '0.0.0.0/0', false],
    ['198.51.100.23', '2001:db8::/32', false],
  ])('%s in %s: %s', (address, block, inside) => {
    expect(inCidr(address, block)).toBe(inside);
  });
});
