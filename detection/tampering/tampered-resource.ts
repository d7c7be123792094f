import type { ProtectedResource } from '../../schemas/finding.ts';
import type { ProtectedResources } from '../../schemas/protected-resources.ts';
import { matchesPattern } from '../event-pattern-matcher.ts';
import { EventTable } from '../event-table.ts';
import { field } from '../root-relation.ts';
import { TAMPERING_CALLS } from './tampering-events.ts';
import type { TamperingCalls } from './tampering-events.ts';
import { namedEntry } from './tampering-names.ts';

const CALLS_BY_EVENT = new EventTable<TamperingCalls>(
  TAMPERING_CALLS.flatMap((calls) =>
    calls.eventNames.map((name) => [`${calls.service}:${name}`, calls] as const),
  ),
);

/**
 * The rootwatch resource a raw (not yet validated) record disables or weakens, whoever made the
 * call; undefined for any other record. The exact check behind the tampering rules' patterns: one
 * table lookup by event for the records that are not tampering calls, which is nearly all of them.
 */
const tamperedResource = (record: unknown, resources: ProtectedResources): ProtectedResource | undefined => {
  const eventSource = field(record, 'eventSource');
  const eventName = field(record, 'eventName');
  if (typeof eventSource !== 'string' || typeof eventName !== 'string') return undefined;
  const calls = CALLS_BY_EVENT.get({ eventSource, eventName });
  const entries = calls && resources[calls.kind];
  if (!calls || !entries?.length) return undefined;
  const parameters = field(record, 'requestParameters');
  if (calls.also && !matchesPattern(calls.also, parameters)) return undefined;
  const name = field(parameters, calls.field);
  return namedEntry(calls.form, entries, name) ? { kind: calls.kind, name: name as string } : undefined;
};

export { tamperedResource };
