/** A stored value and the version it was written with. */
interface Versioned<T> {
  value: T;
  version: number;
}

/**
 * A key-value store with optimistic concurrency: a write names the version it read (undefined: "the
 * item must not exist") and fails when someone else wrote first, so that concurrent invocations and
 * retries never lose an update and never both decide to page. DynamoDB in AWS (a conditional write),
 * a map in memory for `replay` and `scan`.
 */
interface VersionedStore {
  get<T>(id: string, options?: StoreCallOptions): Promise<Versioned<T> | undefined>;
  /** Writes `value` as version `expected + 1` if the stored version is still `expected`; false otherwise. */
  put<T>(
    id: string,
    value: T,
    expected: number | undefined,
    expiresAt: Date,
    options?: StoreCallOptions,
  ): Promise<boolean>;
}

/** `signal`: the caller's time budget (the Lambda invocation's); once it fires, no call is made or continued. */
interface StoreCallOptions {
  signal?: AbortSignal | undefined;
}

/**
 * The store in memory, for `replay` and `scan`. Values are kept as given and frozen: every change
 * the tracker makes is pure (a new object from the old), so no copy is needed, and freezing turns
 * a stray mutation into an error instead of a state shared behind the store's back. (Structured
 * clones of every read and write were half of `scan`'s grouping time: incidents keep their event
 * keys.)
 */
class MemoryVersionedStore implements VersionedStore {
  readonly #items = new Map<string, Versioned<unknown>>();
  readonly #maxItems: number;

  /** `maxItems`: beyond it, the item created first is forgotten (a bounded window; unbounded by default). */
  constructor({ maxItems = Infinity }: { maxItems?: number } = {}) {
    this.#maxItems = maxItems;
  }

  async get<T>(id: string): Promise<Versioned<T> | undefined> {
    const item = this.#items.get(id);
    return item && { value: item.value as T, version: item.version };
  }

  async put<T>(id: string, value: T, expected: number | undefined): Promise<boolean> {
    if (this.#items.get(id)?.version !== expected) return false;
    this.#items.set(id, { value: Object.freeze(value), version: (expected ?? 0) + 1 });
    if (this.#items.size > this.#maxItems) this.#items.delete(this.#items.keys().next().value!);
    return true;
  }

  get size(): number {
    return this.#items.size;
  }
}

/** A short random wait after a lost write, so that writers racing for one item spread out. */
const backOff = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 2 ** attempt)));

/**
 * Reads, changes and writes one item until the write wins: `change` gets the current value (or
 * undefined) and returns (or resolves to) the new value, or undefined to leave the item as it is. Every lost write
 * means another writer won, so the item always moves forward; a writer gives up after 50 losses.
 */
const update = async <T>(
  store: VersionedStore,
  id: string,
  change: (current: T | undefined) => T | undefined | Promise<T | undefined>,
  expiresAt: (value: T) => Date,
  options: StoreCallOptions = {},
): Promise<T | undefined> => {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    if (attempt > 0) await backOff(attempt);
    options.signal?.throwIfAborted();
    const current = await store.get<T>(id, options);
    const next = await change(current?.value);
    if (next === undefined) return current?.value;
    if (await store.put(id, next, current?.version, expiresAt(next), options)) return next;
  }
  throw new Error(`${id}: too many concurrent writes`);
};

export { MemoryVersionedStore, update };
export type { Versioned, VersionedStore, StoreCallOptions };
