/**
 * What rootwatch puts on the alert bus: `Source` `rootwatch`, and a `DetailType` per kind of event.
 * Rules on the alert bus (SNS, SQS, SIEM push) match `Root Activity Finding` and `Root Posture
 * Finding` (a posture check that turned to `fail`) and `Rootwatch Coverage Gap` (a forwarder gone
 * silent); only the heartbeat alarm listens to
 * `Rootwatch Heartbeat`.
 */
const ALERT_SOURCE = 'rootwatch';
const ALERT_DETAIL_TYPES = {
  finding: 'Root Activity Finding',
  heartbeat: 'Rootwatch Heartbeat',
  posture: 'Root Posture Finding',
  /** A forwarder (account and Region) silent for longer than the coverage check allows (docs/coverage.md). */
  coverage: 'Rootwatch Coverage Gap',
} as const;

export { ALERT_SOURCE, ALERT_DETAIL_TYPES };
