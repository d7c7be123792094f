/**
 * An async FIFO between one producer and one consumer, holding at most `limit` items: the producer
 * waits when it is full, so a listing can run ahead of the scan (for the ETA) in bounded memory.
 */
class BoundedQueue<T> {
  readonly #items: T[] = [];
  readonly #limit: number;
  #closed = false;
  #wakeConsumer: (() => void) | undefined;
  #wakeProducer: (() => void) | undefined;

  constructor(limit: number) {
    this.#limit = limit;
  }

  async push(item: T): Promise<void> {
    while (this.#items.length >= this.#limit) await new Promise<void>((wake) => (this.#wakeProducer = wake));
    this.#items.push(item);
    this.#wakeConsumer?.();
  }

  close(): void {
    this.#closed = true;
    this.#wakeConsumer?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for (;;) {
      const item = this.#items.shift();
      if (item !== undefined) {
        this.#wakeProducer?.();
        yield item;
        continue;
      }
      if (this.#closed) return;
      await new Promise<void>((wake) => (this.#wakeConsumer = wake));
    }
  }
}

export { BoundedQueue };
