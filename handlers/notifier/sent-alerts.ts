import type { StoreCallOptions, VersionedStore } from '../../incidents/versioned-store.ts';
import { update } from '../../incidents/versioned-store.ts';

/** What the notifier remembers of one alert: a publish under way (claimed), done, or failed. */
interface SentEntry {
  state: 'claimed' | 'sent' | 'failed';
  /** When it was claimed or last changed, in epoch milliseconds. */
  at: number;
}

interface SentAlertsOptions {
  /**
   * How long an alert's id is remembered after it was published: a second alert with the same id
   * within it is dropped. A day covers Lambda's asynchronous retries of the detector (up to 6 h)
   * and EventBridge's redeliveries to the notifier (24 h).
   */
  windowMs: number;
  /** How long a claim is left to the invocation that made it (longer than the notifier's 30 s timeout). */
  leaseMs: number;
  now: () => number;
}

const DEFAULT_SENT_ALERTS_OPTIONS: SentAlertsOptions = {
  windowMs: 24 * 60 * 60_000,
  leaseMs: 45_000,
  now: Date.now,
};

/**
 * The ids of the alerts the notifier published (docs/incidents-and-suppression.md, "Delivery"):
 * in the incident table when one is configured (items `notified#<detail-type>#<id>`, shared by every
 * container, expiring after the window), else in the container's memory (one container's window,
 * lost when it is recycled). An alert is claimed before it is published, so that a copy arriving
 * meanwhile is dropped; a claim whose invocation failed (released) or timed out (past its lease)
 * may be claimed again, so a retry still pages.
 */
class SentAlerts {
  readonly #store: VersionedStore;
  readonly #options: SentAlertsOptions;

  constructor(store: VersionedStore, options: Partial<SentAlertsOptions> = {}) {
    this.#store = store;
    this.#options = { ...DEFAULT_SENT_ALERTS_OPTIONS, ...options };
  }

  /** True when this invocation may publish the alert; false for a copy of one sent or being sent. */
  async claim(key: string, options: StoreCallOptions = {}): Promise<boolean> {
    let claimed = false;
    await this.#change(
      key,
      (current, now) => {
        const free =
          !current ||
          current.state === 'failed' ||
          now - current.at >= this.#options.windowMs ||
          (current.state === 'claimed' && now - current.at >= this.#options.leaseMs);
        claimed = free;
        return free ? { state: 'claimed', at: now } : undefined;
      },
      options,
    );
    return claimed;
  }

  /** Notes that the claimed alert went out. */
  async sent(key: string, options: StoreCallOptions = {}): Promise<void> {
    await this.#change(key, (_, now) => ({ state: 'sent', at: now }), options);
  }

  /** Gives a claim back after a failed publish: the retry of this invocation publishes. */
  async release(key: string, options: StoreCallOptions = {}): Promise<void> {
    await this.#change(
      key,
      (current, now) => (current?.state === 'claimed' ? { state: 'failed', at: now } : undefined),
      options,
    );
  }

  async #change(
    key: string,
    change: (current: SentEntry | undefined, now: number) => SentEntry | undefined,
    options: StoreCallOptions,
  ): Promise<void> {
    const now = this.#options.now();
    await update<SentEntry>(
      this.#store,
      `notified#${key}`,
      (current) => change(current, now),
      () => new Date(now + this.#options.windowMs),
      options,
    );
  }
}

export { SentAlerts, DEFAULT_SENT_ALERTS_OPTIONS };
export type { SentAlertsOptions };
