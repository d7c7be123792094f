import type { CloudTrailRecord } from '../schemas/cloudtrail-record.ts';

type EventRef = Pick<CloudTrailRecord, 'eventSource' | 'eventName'>;

/**
 * A set of CloudTrail events written as `<service>:<EventName>` (`iam:CreateAccessKey`, the way IAM
 * actions read), looked up by the record's own `eventSource` and `eventName` strings: no key is built
 * per record, which matters on the hot path of `scan`.
 */
class EventTable<V = true> {
  readonly #bySource = new Map<string, Map<string, V>>();

  constructor(entries: Iterable<readonly [string, V]>) {
    for (const [event, value] of entries) {
      const [service, name] = event.split(':');
      if (!service || !name) throw new Error(`event "${event}" is not "<service>:<EventName>"`);
      const source = `${service}.amazonaws.com`;
      const names = this.#bySource.get(source) ?? new Map<string, V>();
      names.set(name, value);
      this.#bySource.set(source, names);
    }
  }

  /** A table of plain events (`iam:CreateAccessKey`, …). */
  static of(events: Iterable<string>): EventTable {
    return new EventTable([...events].map((event) => [event, true] as const));
  }

  get(record: EventRef): V | undefined {
    return this.#bySource.get(record.eventSource)?.get(record.eventName);
  }

  has(record: EventRef): boolean {
    return this.get(record) !== undefined;
  }

  /** The events as `[eventSource, eventName]` pairs, in insertion order (e.g. to write them as SQL). */
  events(): Array<readonly [string, string]> {
    return [...this.#bySource].flatMap(([source, names]) =>
      [...names.keys()].map((name) => [source, name] as const),
    );
  }
}

export { EventTable };
