import type { InputPosition } from '../documents/input-item.ts';
import type { ReadLimits } from '../documents/read-limits.ts';
import type { SourceDescriptor } from '../sources/object-source.ts';
import type { ObjectScan } from '../scan-object.ts';
import { jsonText } from './json-text.ts';

/** Main thread → worker: scan the object `key` of a source, within the read limits. */
interface WorkerRequest {
  id: number;
  descriptor: SourceDescriptor;
  key: string;
  limits: ReadLimits;
}

/**
 * An object's scan as it crosses threads: records as JSON text, not as objects. A structured clone
 * of a record nested some 2,000 levels deep fails to deserialize on the receiving side (a
 * `messageerror` that names no request); JSON text of any depth passes, and `JSON.parse` reads it
 * back without recursion. Every message stays a few levels deep.
 */
type WireItem =
  | { kind: 'json'; position: InputPosition; json: string }
  | { kind: 'unreadable'; position: InputPosition; reason: string };
interface WireScan extends Omit<ObjectScan, 'items'> {
  items: WireItem[];
}

/**
 * Worker → main thread: `started` when the worker takes a request up (the object's time limit
 * runs from then), `done` with its scan.
 */
type WorkerReply = { id: number; kind: 'started' } | { id: number; kind: 'done'; scan: WireScan };

const toWire = (scan: ObjectScan): WireScan =>
  scan.items.length === 0
    ? (scan as WireScan)
    : {
        ...scan,
        items: scan.items.map((item) =>
          item.kind === 'value'
            ? { kind: 'json', position: item.position, json: jsonText(item.value) }
            : item,
        ),
      };

// Most objects hold no root-related record: their scan crosses as it is, with no copy.
const fromWire = (scan: WireScan): ObjectScan =>
  scan.items.length === 0
    ? (scan as ObjectScan)
    : {
        ...scan,
        items: scan.items.map((item) =>
          item.kind === 'json'
            ? { kind: 'value', position: item.position, value: JSON.parse(item.json) }
            : item,
        ),
      };

export { toWire, fromWire };
export type { WorkerRequest, WorkerReply, WireScan, WireItem };
