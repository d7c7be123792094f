import { describe, expect, it } from 'vitest';
import { Detector } from '../../detection/detector.ts';
import type { Detection } from '../../detection/detector.ts';
import { rootRelation } from '../../detection/root-relation.ts';
import type { Finding } from '../../schemas/finding.ts';
import { peerCaseName, readPeerCases } from '../helpers/peer-cases.ts';
import type { PeerCase } from '../helpers/peer-cases.ts';
import { PEER_CASE_WAIVERS } from './peer-case-waivers.ts';

type Fires = (finding: Finding) => boolean;

const signIn =
  (outcome: Finding['outcome']): Fires =>
  (f) =>
    f.activity === 'sign-in' && f.outcome === outcome;
const consoleLogin =
  (outcome: Finding['outcome']): Fires =>
  (f) =>
    f.eventName === 'ConsoleLogin' && f.outcome === outcome;

/**
 * Each peer rule, translated into the question it asks of a root finding. A peer rule that fires on
 * a root record means "this deserves a root finding with this property"; a peer rule that stays
 * silent on a root record means the property must be absent. On a non-root record, rootwatch gives
 * no finding whatever the peer says (e.g. the IAM-user cases of a generic no-MFA rule).
 */
const PEER_RULES: Record<string, Fires> = {
  'AWS.CloudTrail.PasswordSpraying': signIn('failure'),
  'AWS.Unsuccessful.MFA.attempt': signIn('failure'),
  'AWS.Console.GetSigninToken.Abuse': (f) => f.eventName === 'GetSigninToken',
  'AWS.Console.LoginWithoutMFA': (f) => signIn('success')(f) && f.mfa === false,
  'AWS.Console.LoginWithoutSAML': signIn('success'),
  'AWS.Console.LoginFailed': signIn('failure'),
  'AWS.Console.RootLogin': consoleLogin('success'),
  'AWS.Console.RootLoginFailed': consoleLogin('failure'),
  'AWS.Console.Sign-In': signIn('success'),
  'AWS.CloudTrail.RootConsoleLogin': consoleLogin('success'),
  'AWS.CloudTrail.RootFailedConsoleLogin': consoleLogin('failure'),
  'AWS.CloudTrail.RootAccessKeyCreated': (f) =>
    f.eventName === 'CreateAccessKey' && f.severityRule === 'root-credential-created-or-weakened',
  'AWS.CloudTrail.RootPasswordChanged': (f) => f.eventName === 'PasswordUpdated' && f.outcome === 'success',
  'AWS.Root.Activity': () => true,
  cloudtrail_root_account_usage: () => true,
  'rootLogin (rootLogin/function.js)': consoleLogin('success'),
};

/**
 * Panther's password-spraying fixture omits eventVersion, eventID and eventTime, which that rule never
 * reads; every CloudTrail record has the first and a root finding needs the others, so the harness adds
 * them, and nothing else.
 */
const completed = (event: Record<string, unknown>, peerCase: PeerCase): Record<string, unknown> => ({
  eventVersion: '1.08',
  eventID: `peer-${peerCase.event_sha1}`,
  eventTime: '2019-01-01T00:00:00Z',
  ...event,
});

const verdictOf = (peerCase: PeerCase): { detection: Detection; fires: boolean } => {
  const input = peerCase.eventbridge_envelope ?? completed(peerCase.event, peerCase);
  const detection = new Detector().detect(input);
  const fires = detection.kind === 'finding' && PEER_RULES[peerCase.rule]!(detection.finding);
  return { detection, fires };
};

const cases = readPeerCases().filter((peerCase) => peerCase.relevance === 'core_root_or_console_rule');
const waived = new Map(PEER_CASE_WAIVERS.map((waiver) => [waiver.name, waiver]));

describe('Peer cases: ../shared/peer-cases/peer_cases.jsonl', () => {
  it('knows every peer rule of the core cases', () => {
    // Assess
    expect(cases.map((peerCase) => peerCase.rule).filter((rule) => !(rule in PEER_RULES))).toStrictEqual([]);
  });

  it.each(cases.map((peerCase) => ({ name: peerCaseName(peerCase), peerCase })))(
    '$name',
    ({ name, peerCase }) => {
      // Act
      const { detection, fires } = verdictOf(peerCase);
      const isRoot = rootRelation(peerCase.eventbridge_envelope?.detail ?? peerCase.event) !== undefined;
      // An invalid root record neither agrees nor disagrees: it must be waived, with the reason.
      const agrees = isRoot
        ? detection.kind !== 'invalid' && fires === peerCase.expected
        : detection.kind !== 'finding';

      // Assess
      if (waived.has(name)) {
        expect(agrees, `waived case ${name} now agrees: remove its waiver`).toBe(false);
      } else {
        expect(
          { agrees, detection: detection.kind === 'finding' ? detection.finding.severityRule : detection },
          `peer expected ${peerCase.expected} on a ${isRoot ? 'root' : 'non-root'} record`,
        ).toMatchObject({ agrees: true });
      }
    },
  );

  it('lists only waivers of existing cases', () => {
    // Assess
    const names = new Set(cases.map(peerCaseName));
    expect(PEER_CASE_WAIVERS.map((waiver) => waiver.name).filter((name) => !names.has(name))).toStrictEqual(
      [],
    );
  });
});
