import type { Finding } from '../schemas/finding.ts';
import type { IssuedRootSession } from '../detection/root-sessions.ts';
import type { IncidentAlert, IncidentState } from './incident-state.ts';
import type { SealedKeys } from './incident-state.ts';
import { applyFinding, incidentOf, LIMITS, markSent } from './incident-state.ts';
import type { SessionKey } from './session-key.ts';
import { DEFAULT_QUIET_MS, eventKeyOf, sessionKeyOf } from './session-key.ts';
import type { StoreCallOptions, VersionedStore } from './versioned-store.ts';
import { update } from './versioned-store.ts';

interface TrackerOptions {
  /** A long-term key, or a burst of failed sign-ins, is one incident until quiet this long. */
  quietMs: number;
  /** A console session joins the sign-in whose time is this close to the session's creation. */
  joinSkewMs: number;
  /** Without a creation time, a console session joins a sign-in this recent, same address and user agent. */
  consoleSessionMs: number;
  /** How long incidents and their pointers are kept after their last event (DynamoDB TTL). */
  retentionMs: number;
  /**
   * How long a page is left to the invocation that claimed it before a redelivery of its event may
   * page again: longer than the function's timeout (30 s), shorter than Lambda's first retry (1 min).
   */
  pageLeaseMs: number;
  /** Event keys an incident holds before they are sealed into an item of their own. */
  eventKeysPerItem: number;
  now: () => number;
}

const DEFAULT_TRACKER_OPTIONS: TrackerOptions = {
  quietMs: DEFAULT_QUIET_MS,
  joinSkewMs: 5 * 60_000,
  consoleSessionMs: 12 * 60 * 60_000,
  retentionMs: 30 * 24 * 60 * 60_000,
  pageLeaseMs: 45_000,
  eventKeysPerItem: LIMITS.eventKeys,
  now: Date.now,
};

/** Sealed lists of event keys kept in memory by one tracker (they never change): 16 of 5,000 keys, about 15 MB at most. */
const SEALED_CACHE_ITEMS = 16;

interface WindowEntry {
  id: string;
  firstSeen: string;
  lastSeen: string;
}
interface SignInEntry {
  incidentId: string;
  time: string;
  userAgent: string | null;
}
/** When a console session acted, when it was created (if recorded), and from which user agent. */
interface SessionFacts {
  time: string;
  issuedAt: string | null;
  userAgent: string | null;
}
/** A console session no sign-in was known for when it was first seen (its sign-in may come later). */
interface OrphanSession extends SessionFacts {
  incidentId: string;
}

const at = (time: string) => Date.parse(time);
/** Sign-ins and the sessions they open are matched within one account and source address. */
const placeOf = (finding: Finding) => `${finding.account}:${finding.sourceIp ?? 'unknown'}`;
const sessionOf = (finding: Finding): SessionFacts => ({
  time: finding.time,
  issuedAt: finding.sessionIssuedAt ?? null,
  userAgent: finding.userAgent,
});
const keep = <T>(list: T[], count: number) => list.slice(-count);

/**
 * Groups findings into incidents, one per root session, in a store shared by every invocation
 * (docs/incidents-and-suppression.md). Decides, for each finding, which incident it belongs to and whether it
 * pages, with optimistic concurrency so that parallel invocations and retries never page twice for
 * one incident or lose a count. Also keeps the centralized-root sessions it learns from
 * `sts:AssumeRoot` calls for their lifetime, and relabels the incident of a session whose events
 * arrived first.
 */
class IncidentTracker {
  readonly #store: VersionedStore;
  readonly #options: TrackerOptions;
  readonly #sealed = new Map<string, ReadonlySet<string>>();

  constructor(store: VersionedStore, options: Partial<TrackerOptions> = {}) {
    this.#store = store;
    this.#options = { ...DEFAULT_TRACKER_OPTIONS, ...options };
  }

  /** The finding with its incident; `incident.alert` says whether it pages. */
  async track(finding: Finding, options: StoreCallOptions = {}): Promise<Finding> {
    const sessionKey = sessionKeyOf(finding, { quietMs: this.#options.quietMs });
    const id = await this.#incidentId(sessionKey, finding, options);
    const eventKey = eventKeyOf(finding);
    let alert = 'update' as IncidentAlert | 'duplicate';
    const state = await update<IncidentState>(
      this.#store,
      `incident#${id}`,
      async (current) => {
        const applied = applyFinding(current, finding, {
          id,
          sessionKey: sessionKey.key,
          eventKey,
          now: this.#options.now(),
          pageLeaseMs: this.#options.pageLeaseMs,
          inSealedKeys: await this.#inSealedKeys(id, current?.sealedKeyItems ?? 0, eventKey, options),
          eventKeysPerItem: this.#options.eventKeysPerItem,
        });
        alert = applied.alert;
        if (applied.alert === 'duplicate') return undefined;
        // Before the state that no longer holds them: a crash between the two loses no key.
        if (applied.sealed) await this.#seal(id, applied.sealed, applied.state.lastSeen, options);
        return applied.state;
      },
      (value) => this.#expiry(value.lastSeen),
      options,
    );
    return { ...finding, incident: incidentOf(state!, alert === 'duplicate' ? 'update' : alert) };
  }

  /**
   * Notes that the alert of a finding that paged (`first` or `escalation`) went out, so that a retry
   * of its invocation does not page again. Until then, a redelivery of that event pages again.
   */
  async alertSent(finding: Finding, options: StoreCallOptions = {}): Promise<void> {
    if (!finding.incident || finding.incident.alert === 'update') return;
    await update<IncidentState>(
      this.#store,
      `incident#${finding.incident.id}`,
      (current) => markSent(current, eventKeyOf(finding)),
      (value) => this.#expiry(value.lastSeen),
      options,
    );
  }

  /**
   * Keeps an AssumeRoot session for its lifetime and relabels the incident its key already has
   * (member events that arrived first): returns that incident's id, or undefined.
   */
  async learnRootSession(
    session: IssuedRootSession,
    options: StoreCallOptions = {},
  ): Promise<string | undefined> {
    await update<IssuedRootSession>(
      this.#store,
      `root-session#${session.accessKeyId}`,
      () => session,
      () => new Date(at(session.expiresAt) + 60 * 60_000),
      options,
    );
    const id = `temporary-key:${session.accessKeyId}`;
    const relabelled = await update<IncidentState>(
      this.#store,
      `incident#${id}`,
      (current) => {
        if (!current || current.credential === 'assumed-root') return undefined;
        const assumedRoot = {
          issuedAt: session.issuedAt,
          ...(session.assumeRootEventId && { assumeRootEventId: session.assumeRootEventId }),
          ...(session.callerArn && { callerArn: session.callerArn }),
          ...(session.callerAccountId && { callerAccountId: session.callerAccountId }),
          ...(session.taskPolicyArn && { taskPolicyArn: session.taskPolicyArn }),
        };
        return { ...current, credential: 'assumed-root', assumedRoot };
      },
      (value) => this.#expiry(value.lastSeen),
      options,
    );
    return relabelled?.credential === 'assumed-root' ? id : undefined;
  }

  /** The AssumeRoot session that issued `accessKeyId`, if one was learnt and is kept. */
  async rootSession(
    accessKeyId: string,
    options: StoreCallOptions = {},
  ): Promise<IssuedRootSession | undefined> {
    return (await this.#store.get<IssuedRootSession>(`root-session#${accessKeyId}`, options))?.value;
  }

  /** Whether `eventKey` is in one of the first `items` sealed lists of incident `id`. */
  async #inSealedKeys(
    id: string,
    items: number,
    eventKey: string,
    options: StoreCallOptions,
  ): Promise<boolean> {
    for (let index = 0; index < items; index += 1) {
      const itemId = `incident-keys#${id}#${index}`;
      let keys = this.#sealed.get(itemId);
      if (!keys) {
        const stored = await this.#store.get<string[]>(itemId, options);
        if (!stored) throw new Error(`${itemId}: sealed event keys missing`);
        keys = this.#remember(itemId, stored.value);
      }
      if (keys.has(eventKey)) return true;
    }
    return false;
  }

  /**
   * Stores a full list of event keys as an item of its own. Its content is the incident's list at
   * the moment it filled, the same for every writer that seals it: an item already there is it.
   */
  async #seal(id: string, sealed: SealedKeys, lastSeen: string, options: StoreCallOptions): Promise<void> {
    const itemId = `incident-keys#${id}#${sealed.index}`;
    await this.#store.put(itemId, sealed.keys, undefined, this.#expiry(lastSeen), options);
    this.#remember(itemId, sealed.keys);
  }

  #remember(itemId: string, keys: readonly string[]): ReadonlySet<string> {
    const set = new Set(keys);
    this.#sealed.set(itemId, set);
    if (this.#sealed.size > SEALED_CACHE_ITEMS) this.#sealed.delete(this.#sealed.keys().next().value!);
    return set;
  }

  #expiry(lastSeen: string): Date {
    return new Date(Math.max(at(lastSeen), this.#options.now()) + this.#options.retentionMs);
  }

  async #incidentId(sessionKey: SessionKey, finding: Finding, options: StoreCallOptions): Promise<string> {
    switch (sessionKey.kind) {
      case 'event':
        return sessionKey.key;
      case 'sign-in': {
        // A console session seen before its sign-in (arrival out of order) already holds the incident.
        const id = (await this.#orphanOpenedBy(finding, options))?.incidentId ?? sessionKey.key;
        await this.#rememberSignIn(id, finding, options);
        return id;
      }
      case 'window':
        return this.#windowIncident(sessionKey.key, sessionKey.quietMs, finding.time, options);
      case 'session':
        return finding.credential === 'console-session'
          ? this.#consoleIncident(sessionKey.key, finding, options)
          : sessionKey.key;
    }
  }

  async #rememberSignIn(incidentId: string, finding: Finding, options: StoreCallOptions): Promise<void> {
    await update<SignInEntry[]>(
      this.#store,
      `sign-ins#${placeOf(finding)}`,
      (current = []) =>
        current.some((entry) => entry.incidentId === incidentId)
          ? undefined
          : keep([...current, { incidentId, time: finding.time, userAgent: finding.userAgent }], 20),
      () => this.#expiry(finding.time),
      options,
    );
  }

  /** A console session joins the sign-in that opened it; once decided, the session keeps its incident. */
  async #consoleIncident(sessionKey: string, finding: Finding, options: StoreCallOptions): Promise<string> {
    const existing = (await this.#store.get<{ incidentId: string }>(`join#${sessionKey}`, options))?.value;
    if (existing) return existing.incidentId;
    const signIn = await this.#signInOf(finding, options);
    const decided = await update<{ incidentId: string }>(
      this.#store,
      `join#${sessionKey}`,
      (current) => (current ? undefined : { incidentId: signIn?.incidentId ?? sessionKey }),
      () => this.#expiry(finding.time),
      options,
    );
    if (!signIn && decided!.incidentId === sessionKey)
      await this.#rememberOrphan(sessionKey, finding, options);
    return decided!.incidentId;
  }

  /**
   * Whether a sign-in at `signIn` opened a console session: the session was created within the join
   * skew of the sign-in or, when its creation time is unknown, it acted after the sign-in, within a
   * console session's lifetime, from the same user agent (the address is already the same).
   */
  #opened(signIn: { time: string; userAgent: string | null }, session: SessionFacts): boolean {
    return session.issuedAt
      ? Math.abs(at(signIn.time) - at(session.issuedAt)) <= this.#options.joinSkewMs
      : at(signIn.time) <= at(session.time) &&
          at(session.time) - at(signIn.time) <= this.#options.consoleSessionMs &&
          signIn.userAgent === session.userAgent;
  }

  async #signInOf(finding: Finding, options: StoreCallOptions): Promise<SignInEntry | undefined> {
    const signIns =
      (await this.#store.get<SignInEntry[]>(`sign-ins#${placeOf(finding)}`, options))?.value ?? [];
    const session = sessionOf(finding);
    const matching = signIns.filter((entry) => this.#opened(entry, session));
    return matching.sort((a, b) => at(a.time) - at(b.time)).at(-1);
  }

  async #rememberOrphan(incidentId: string, finding: Finding, options: StoreCallOptions): Promise<void> {
    await update<OrphanSession[]>(
      this.#store,
      `orphans#${placeOf(finding)}`,
      (current = []) =>
        current.some((entry) => entry.incidentId === incidentId)
          ? undefined
          : keep([...current, { incidentId, ...sessionOf(finding) }], 20),
      () => this.#expiry(finding.time),
      options,
    );
  }

  /** The earliest orphan console session this sign-in opened, if one was seen before it. */
  async #orphanOpenedBy(signIn: Finding, options: StoreCallOptions): Promise<OrphanSession | undefined> {
    const orphans =
      (await this.#store.get<OrphanSession[]>(`orphans#${placeOf(signIn)}`, options))?.value ?? [];
    return orphans
      .filter((orphan) => this.#opened(signIn, orphan))
      .sort((a, b) => at(a.time) - at(b.time))
      .at(0);
  }

  /** The incident of a window key open at `time`, extended to cover it; a new one when none is. */
  async #windowIncident(
    key: string,
    quietMs: number,
    time: string,
    options: StoreCallOptions,
  ): Promise<string> {
    let chosen = '';
    await update<WindowEntry[]>(
      this.#store,
      `window#${key}`,
      (current = []) => {
        const open = current.find(
          (entry) => at(time) >= at(entry.firstSeen) - quietMs && at(time) <= at(entry.lastSeen) + quietMs,
        );
        if (open && at(time) >= at(open.firstSeen) && at(time) <= at(open.lastSeen)) {
          chosen = open.id;
          return undefined;
        }
        const entry = open
          ? {
              ...open,
              firstSeen: at(time) < at(open.firstSeen) ? time : open.firstSeen,
              lastSeen: at(time) > at(open.lastSeen) ? time : open.lastSeen,
            }
          : { id: `${key}:${time}`, firstSeen: time, lastSeen: time };
        chosen = entry.id;
        return keep([...current.filter((other) => other.id !== entry.id), entry], 20);
      },
      (entries) => this.#expiry(entries.at(-1)!.lastSeen),
      options,
    );
    return chosen;
  }
}

export { IncidentTracker, DEFAULT_TRACKER_OPTIONS };
export type { TrackerOptions };
