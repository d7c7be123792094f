import { Writable } from 'node:stream';
import type { RecordEntry } from '../../schemas/record-entry.ts';
import type { Alert, AlertSink } from '../../adapters/alert-sink.ts';
import { createLogger } from '../../adapters/logger.ts';
import type { Logger } from '../../adapters/logger.ts';
import type { RecordSink } from '../../adapters/record-sink.ts';

/** A record sink that keeps what it is given (and can be told to fail): for unit tests of wiring. */
class MemoryRecordSink implements RecordSink {
  readonly entries: RecordEntry[] = [];
  failWith: Error | undefined;

  async write(entries: readonly RecordEntry[]): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.entries.push(...entries);
  }
}

class MemoryAlertSink implements AlertSink {
  readonly alerts: Alert[] = [];
  failWith: Error | undefined;

  async send(alerts: readonly Alert[]): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.alerts.push(...alerts);
  }
}

/** A logger writing NDJSON to memory, and the parsed lines. */
const memoryLogger = (): { logger: Logger; lines: () => Record<string, unknown>[] } => {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return {
    logger: createLogger({ level: 'debug', destination }),
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
};

export { MemoryRecordSink, MemoryAlertSink, memoryLogger };
