/**
 * What the handler records for each sample of events/liveness/: heard (the envelope's account and
 * Region, at its time), or refused as an invalid event with the paths of the reasons. The clock of
 * these expectations is LIVENESS_NOW.
 */
type LivenessExpectation =
  | { scenario: string; heard: { account: string; region: string; heardAt: string } }
  | { scenario: string; refused: string[] };

const LIVENESS_NOW = '2026-11-29T06:00:00Z';

const EXPECTED_LIVENESS: Record<string, LivenessExpectation> = {
  'liveness/forwarder-liveness-member-eu-west-1.json': {
    scenario: 'a member forwarder is heard in its account and Region',
    heard: { account: '444455556666', region: 'eu-west-1', heardAt: '2026-11-29T05:00:02.000Z' },
  },
  'liveness/forwarder-liveness-security-account-us-east-1.json': {
    scenario: "the security account's forwarder is heard through the detector's own rule",
    heard: { account: '111122223333', region: 'us-east-1', heardAt: '2026-11-29T05:30:01.000Z' },
  },
  'liveness/liveness-spoof-schedule-of-another-account.json': {
    scenario: "an event replaying another account's schedule is refused",
    refused: ['resources[0]'],
  },
  'liveness/liveness-spoof-claims-another-place-in-detail.json': {
    scenario: 'an event claiming another place in its detail is refused',
    refused: ['detail'],
  },
  'liveness/liveness-spoof-time-ahead.json': {
    scenario: 'an event dated ahead of the clock is refused (it would look heard for a year)',
    refused: ['time'],
  },
  'liveness/liveness-spoof-without-schedule.json': {
    scenario: 'an event without its schedule ARN is refused',
    refused: ['resources'],
  },
};

export { EXPECTED_LIVENESS, LIVENESS_NOW };
export type { LivenessExpectation };
