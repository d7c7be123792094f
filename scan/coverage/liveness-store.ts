import type { LivenessHeard, Place } from '../../schemas/liveness-record.ts';

/** What the liveness store keeps of one place: when it was last heard, and its last alerted silence. */
interface PlaceLiveness extends Place {
  /** The envelope time of the latest liveness event heard from here. */
  lastHeard?: string;
  /** The schedule that sent it. */
  schedule?: string;
  /** The silence last alerted (`silenceId`), so that one silence alerts once. */
  alertedSilence?: string;
}

/**
 * The "last heard" of every place (docs/coverage.md), shared by the detector (which notes each
 * liveness event) and the coverage check and command (which read them). `heard` only moves a
 * place's time forward: a redelivered or late event never makes a place look older than it is.
 */
interface LivenessStore {
  heard(heard: LivenessHeard): Promise<void>;
  places(): Promise<PlaceLiveness[]>;
  /** Notes that `silence` of `place` was alerted; false when another run did so first. */
  markAlerted(place: Place, silence: string): Promise<boolean>;
}

const placeKey = ({ account, region }: Place): string => `${account}#${region}`;

/** The store in memory: for the local replay and the tests. */
class MemoryLivenessStore implements LivenessStore {
  readonly #places = new Map<string, PlaceLiveness>();

  async heard(heard: LivenessHeard): Promise<void> {
    const key = placeKey(heard);
    const known = this.#places.get(key);
    if (known?.lastHeard && known.lastHeard >= heard.heardAt) return;
    this.#places.set(key, {
      ...known,
      account: heard.account,
      region: heard.region,
      lastHeard: heard.heardAt,
      schedule: heard.schedule,
    });
  }

  async places(): Promise<PlaceLiveness[]> {
    return [...this.#places.values()].map((place) => ({ ...place }));
  }

  async markAlerted(place: Place, silence: string): Promise<boolean> {
    const key = placeKey(place);
    const known = this.#places.get(key) ?? { account: place.account, region: place.region };
    if (known.alertedSilence === silence) return false;
    this.#places.set(key, { ...known, alertedSilence: silence });
    return true;
  }
}

export { MemoryLivenessStore, placeKey };
export type { LivenessStore, PlaceLiveness };
