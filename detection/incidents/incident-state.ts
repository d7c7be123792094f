import type { AssumedRoot, Credential, Finding, Incident } from '../../schemas/finding.ts';
import { rank } from '../severity/severity-facts.ts';
import { serviceOf } from '../record-fields.ts';

/** An incident as stored: what it counted so far, and the event keys it has seen (to ignore duplicates). */
interface IncidentState {
  id: string;
  account: string;
  sessionKey: string;
  firstSeen: string;
  lastSeen: string;
  count: number;
  /** The rank (0 = critical) of the most severe finding so far. */
  mostSevere: number;
  credential: Credential;
  assumedRoot?: AssumedRoot;
  actions: string[];
  regions: string[];
  sourceIps: string[];
  eventKeys: string[];
}

/** Bounds that keep a stored incident far below DynamoDB's 400 KB item limit. */
const LIMITS = { eventKeys: 5_000, actions: 500, places: 100 } as const;

type IncidentAlert = Incident['alert'];

const added = (list: readonly string[], value: string | null | undefined, limit: number): string[] =>
  !value || list.includes(value) || list.length >= limit ? [...list] : [...list, value];

const earlier = (a: string, b: string) => (Date.parse(a) <= Date.parse(b) ? a : b);
const later = (a: string, b: string) => (Date.parse(a) >= Date.parse(b) ? a : b);

/**
 * The incident after one more finding, and whether that finding pages: `first` opens the incident,
 * `escalation` is more severe than any before it, `update` is counted without paging, and a
 * `duplicate` (an event key already counted: a redelivery, or the copy of an event delivered to
 * another account) changes nothing. Arrival order changes neither the counts nor the first and last
 * times. Pure.
 */
const applyFinding = (
  current: IncidentState | undefined,
  finding: Finding,
  identity: { id: string; sessionKey: string; eventKey: string },
): { state: IncidentState; alert: IncidentAlert | 'duplicate' } => {
  const action = `${serviceOf(finding.eventSource)}:${finding.eventName}`;
  const severity = rank(finding.severity);
  if (!current) {
    return {
      alert: 'first',
      state: {
        id: identity.id,
        account: finding.account,
        sessionKey: identity.sessionKey,
        firstSeen: finding.time,
        lastSeen: finding.time,
        count: 1,
        mostSevere: severity,
        credential: finding.credential,
        ...(finding.assumedRoot && { assumedRoot: finding.assumedRoot }),
        actions: [action],
        regions: [finding.region],
        sourceIps: finding.sourceIp ? [finding.sourceIp] : [],
        eventKeys: [identity.eventKey],
      },
    };
  }
  if (current.eventKeys.includes(identity.eventKey)) return { state: current, alert: 'duplicate' };
  return {
    alert: severity < current.mostSevere ? 'escalation' : 'update',
    state: {
      ...current,
      firstSeen: earlier(current.firstSeen, finding.time),
      lastSeen: later(current.lastSeen, finding.time),
      count: current.count + 1,
      mostSevere: Math.min(current.mostSevere, severity),
      ...(finding.credential === 'assumed-root' && { credential: 'assumed-root' as const }),
      ...(finding.assumedRoot && { assumedRoot: finding.assumedRoot }),
      actions: added(current.actions, action, LIMITS.actions),
      regions: added(current.regions, finding.region, LIMITS.places),
      sourceIps: added(current.sourceIps, finding.sourceIp, LIMITS.places),
      eventKeys: added(current.eventKeys, identity.eventKey, LIMITS.eventKeys),
    },
  };
};

/** What a finding carries of its incident. */
const incidentOf = (state: IncidentState, alert: IncidentAlert): Incident => ({
  id: state.id,
  count: state.count,
  firstSeen: state.firstSeen,
  lastSeen: state.lastSeen,
  actions: state.actions.length,
  regions: state.regions,
  sourceIps: state.sourceIps,
  alert,
});

export { applyFinding, incidentOf, LIMITS };
export type { IncidentState, IncidentAlert };
