import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { RecordEntry } from '../schemas/record-entry.ts';
import type { RecordSink } from './record-sink.ts';

/** Records entries as JSON Lines in a local file: the record log group of `npm start` and the tests. */
class JsonLinesRecordSink implements RecordSink {
  readonly path: string;
  #ready: Promise<unknown> | undefined;

  constructor(path: string) {
    this.path = path;
  }

  async write(entries: readonly RecordEntry[]): Promise<void> {
    this.#ready ??= mkdir(dirname(this.path), { recursive: true });
    await this.#ready;
    await appendFile(this.path, entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
  }
}

export { JsonLinesRecordSink };
