import type { AssumedRoot, Credential, Finding, Incident } from '../schemas/finding.ts';
import { rank } from '../detection/severity/severity-facts.ts';
import { serviceOf } from '../detection/record-fields.ts';

/**
 * An incident as stored: what it counted so far, and the event keys it has seen (to ignore
 * duplicates). What decides delivery is never capped: `pages` holds every finding that paged (at
 * most one per severity: each is more severe than the last), and the event keys are kept whole,
 * the latest in `eventKeys` and the earlier ones in sealed, immutable items of their own
 * (`sealedKeyItems` of them, read by the tracker), so that a redelivery is known as one however
 * long the incident.
 */
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
  /** The event keys since the last sealed item, at most the tracker's `eventKeysPerItem`. */
  eventKeys: string[];
  /** How many full lists of event keys were moved to items of their own (0 when absent). */
  sealedKeyItems?: number;
  /**
   * The findings that paged, whether their alert was sent, and when an invocation last claimed the
   * page: the retry of one whose alert failed pages again, a redelivery while the first invocation
   * is still sending (or after its alert went out) does not.
   */
  pages: Page[];
}

interface Page {
  eventKey: string;
  alert: 'first' | 'escalation';
  sent: boolean;
  claimedAt: number;
}

interface ApplyIdentity {
  id: string;
  sessionKey: string;
  eventKey: string;
  /** Now, in epoch milliseconds. */
  now: number;
  /** How long a page claimed by an invocation is left to it (at least the function's timeout). */
  pageLeaseMs: number;
  /** Whether `eventKey` is in one of the sealed items of event keys (the tracker looks). */
  inSealedKeys: boolean;
  /** How many event keys `eventKeys` holds before they are sealed into an item of their own. */
  eventKeysPerItem: number;
}

/** A full list of event keys to store, as item `index`, before the state that no longer holds it. */
interface SealedKeys {
  index: number;
  keys: string[];
}

/**
 * Bounds that keep a stored incident far below DynamoDB's 400 KB item limit: 5,000 event keys (a
 * UUID is 36 characters: about 200 KB) in the incident or in one sealed item; the lists the alert
 * shows are capped, as they decide nothing.
 */
const LIMITS = { eventKeys: 5_000, actions: 100, places: 100 } as const;

type IncidentAlert = Incident['alert'];

const added = (list: readonly string[], value: string | null | undefined, limit: number): string[] =>
  !value || list.includes(value) || list.length >= limit ? [...list] : [...list, value];

const earlier = (a: string, b: string) => (Date.parse(a) <= Date.parse(b) ? a : b);
const later = (a: string, b: string) => (Date.parse(a) >= Date.parse(b) ? a : b);

/**
 * The incident after one more finding, and whether that finding pages: `first` opens the incident,
 * `escalation` is more severe than any before it, `update` is counted without paging, and a
 * `duplicate` (an event key already counted: a redelivery, or the copy of an event delivered to
 * another account) changes nothing, unless it paged, its alert was never sent and the invocation
 * that claimed the page has had its time (it failed, and this is Lambda's retry): then this one
 * claims it and pages again, as the first did. Arrival order changes neither the counts nor the
 * first and last times, and neither does the length of the incident: the pages are looked up
 * first, and the keys of earlier events are sealed (`sealed`: the tracker stores them first), never
 * dropped. Pure.
 */
const applyFinding = (
  current: IncidentState | undefined,
  finding: Finding,
  identity: ApplyIdentity,
): { state: IncidentState; alert: IncidentAlert | 'duplicate'; sealed?: SealedKeys } => {
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
        pages: [{ eventKey: identity.eventKey, alert: 'first', sent: false, claimedAt: identity.now }],
      },
    };
  }
  const page = current.pages.find((candidate) => candidate.eventKey === identity.eventKey);
  if (page) {
    const abandoned = !page.sent && identity.now - page.claimedAt >= identity.pageLeaseMs;
    if (!abandoned) return { state: current, alert: 'duplicate' };
    const pages = current.pages.map((other) =>
      other === page ? { ...page, claimedAt: identity.now } : other,
    );
    return { state: { ...current, pages }, alert: page.alert };
  }
  if (identity.inSealedKeys || current.eventKeys.includes(identity.eventKey))
    return { state: current, alert: 'duplicate' };
  const alert = severity < current.mostSevere ? 'escalation' : 'update';
  const sealedItems = current.sealedKeyItems ?? 0;
  const full = current.eventKeys.length >= identity.eventKeysPerItem;
  return {
    alert,
    ...(full && { sealed: { index: sealedItems, keys: current.eventKeys } }),
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
      eventKeys: full ? [identity.eventKey] : [...current.eventKeys, identity.eventKey],
      ...((full || sealedItems) && { sealedKeyItems: sealedItems + (full ? 1 : 0) }),
      pages:
        alert === 'escalation'
          ? [...current.pages, { eventKey: identity.eventKey, alert, sent: false, claimedAt: identity.now }]
          : current.pages,
    },
  };
};

/** The incident once the alert of `eventKey` has been sent; undefined when there is nothing to mark. */
const markSent = (current: IncidentState | undefined, eventKey: string): IncidentState | undefined =>
  current?.pages.some((page) => page.eventKey === eventKey && !page.sent)
    ? {
        ...current,
        pages: current.pages.map((page) => (page.eventKey === eventKey ? { ...page, sent: true } : page)),
      }
    : undefined;

/** What a finding carries of its incident. */
const incidentOf = (state: IncidentState, alert: IncidentAlert): Incident => ({
  id: state.id,
  count: state.count,
  firstSeen: state.firstSeen,
  lastSeen: state.lastSeen,
  actions: state.actions,
  regions: state.regions,
  sourceIps: state.sourceIps,
  alert,
});

export { applyFinding, incidentOf, markSent, LIMITS };
export type { IncidentState, IncidentAlert, SealedKeys };
