import { randomUUID } from 'node:crypto';
import { ServiceError } from './service-error.ts';

interface StoredEvent {
  id: string;
  bus: string;
  source: string;
  detailType: string;
  detail: Record<string, unknown>;
}

type Input = Record<string, unknown>;
type EntryResult = { EventId: string } | { ErrorCode: string; ErrorMessage: string };

const encoder = new TextEncoder();
const size = (entry: Input): number =>
  14 +
  ['Source', 'DetailType', 'Detail'].reduce(
    (sum, key) => sum + encoder.encode(String(entry[key] ?? '')).length,
    0,
  );

/** The bus name of a name or an ARN (`arn:aws:events:<region>:<account>:event-bus/<name>`). */
const busName = (nameOrArn: unknown): string =>
  typeof nameOrArn === 'string' && nameOrArn ? (nameOrArn.split(':event-bus/')[1] ?? nameOrArn) : 'default';

/**
 * EventBridge PutEvents with its documented validation [EB-PUT]: 1 to 10 entries, the request size
 * limit, and per-entry failures that leave the other entries stored: a missing field, a Detail that
 * is not a JSON object, an unknown bus, and `aws.*` sources (NotAuthorizedForSourceException [SPOOF]).
 */
class EventsService {
  readonly buses = new Set<string>(['default']);
  readonly received: StoredEvent[] = [];

  handle(operation: string, input: Input, entryFault?: (index: number) => string | undefined): unknown {
    if (operation !== 'PutEvents')
      throw new ServiceError('UnknownOperationException', `AWSEvents.${operation} is not implemented here`);
    const entries = input.Entries;
    if (!Array.isArray(entries) || entries.length < 1 || entries.length > 10) {
      throw new ServiceError('ValidationException', 'Entries must hold 1 to 10 entries');
    }
    const total = entries.reduce((sum: number, entry: Input) => sum + size(entry), 0);
    if (total > 1_048_576)
      throw new ServiceError(
        'ValidationException',
        'Total size of the entries in the request is over the limit.',
      );
    const results = entries.map((entry: Input, index): EntryResult => {
      const failure = entryFault?.(index) ?? this.#validate(entry);
      if (failure) return { ErrorCode: failure, ErrorMessage: `entry ${index}: ${failure}` };
      const id = randomUUID();
      this.received.push({
        id,
        bus: busName(entry.EventBusName),
        source: entry.Source as string,
        detailType: entry.DetailType as string,
        detail: JSON.parse(entry.Detail as string) as Record<string, unknown>,
      });
      return { EventId: id };
    });
    return { FailedEntryCount: results.filter((result) => 'ErrorCode' in result).length, Entries: results };
  }

  #validate(entry: Input): string | undefined {
    if (
      typeof entry.Source !== 'string' ||
      typeof entry.DetailType !== 'string' ||
      typeof entry.Detail !== 'string'
    ) {
      return 'InvalidArgument';
    }
    if (entry.DetailType.length > 128) return 'InvalidArgument';
    if (entry.Source.startsWith('aws.')) return 'NotAuthorizedForSourceException';
    if (!this.buses.has(busName(entry.EventBusName))) return 'ResourceNotFoundException';
    try {
      const detail: unknown = JSON.parse(entry.Detail);
      return typeof detail === 'object' && detail !== null && !Array.isArray(detail)
        ? undefined
        : 'MalformedDetail';
    } catch {
      return 'MalformedDetail';
    }
  }
}

export { EventsService, busName };
export type { StoredEvent };
