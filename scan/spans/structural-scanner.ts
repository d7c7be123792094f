import type { RecordSpan, SpanFinder, SpansResult } from '../record-spans.ts';
import { recordSpans, recordsArrayStart } from '../record-spans.ts';
import { markerOffsets } from '../root-marker.ts';
import type { GunzipAllocator } from '../documents/reused-gunzip.ts';

/** What the module's `scan` answers (scan/spans/structural-scan.wat). */
const STATUS = { spans: 0, notALogFile: 1, truncated: 2, fallback: 3 } as const;

/** The part of the WebAssembly JS API used here (Node's types leave the global to the DOM library). */
interface WebAssemblyApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
}
const webAssembly = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;

interface StructuralExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  scan(text: number, len: number, from: number, hits: number, hitCount: number, out: number): number;
  markers(text: number, len: number, out: number, max: number): number;
  spanCount(): number;
  stopIndex(): number;
}

/**
 * The structural scanner of one thread: the marker search, the record spans, and the buffer that
 * texts are best gunzipped into (the module's own memory, so that neither search copies them).
 */
interface StructuralScanner {
  markers(text: Buffer): number[];
  spans: SpanFinder;
  /** Where a gunzip best writes a text (scan/documents/reused-gunzip.ts): the module's memory. */
  allocate: GunzipAllocator;
}

const PAGE = 65_536;
/** The module reads whole 64-byte blocks, and 4 bytes past them: a text is followed by this many spaces. */
const PADDING = 80;
const SPACE = 0x20;
/** Memory layout: hits (i32 each), spans (3 × i32 each, at most one per hit), then the text. */
const MAX_HITS = 65_536;
const SPANS_AT = MAX_HITS * 4;
const TEXT_AT = SPANS_AT + MAX_HITS * 12;

/**
 * The structural scanner over an instance of the module, or `undefined` where it cannot run (a
 * runtime without WebAssembly SIMD128, or bytes that are not the module): the caller keeps the JS
 * scans, which give the same answers. The memory grows to the largest text seen, then is reused
 * for every text after it. A text with more than 65,536 markers, or too large for the memory, is
 * left to the JS scans.
 */
const structuralScanner = (moduleBytes: Uint8Array): StructuralScanner | undefined => {
  if (!webAssembly?.validate(moduleBytes)) return undefined;
  const exports = new webAssembly.Instance(new webAssembly.Module(moduleBytes)).exports as StructuralExports;
  const { memory } = exports;
  const reserve = (bytes: number) => {
    if (bytes > memory.buffer.byteLength) memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / PAGE));
  };
  /** Puts the text at TEXT_AT with its padding (a copy unless it was gunzipped there); false if it does not fit. */
  const place = (text: Buffer): boolean => {
    const inPlace = text.buffer === memory.buffer && text.byteOffset === TEXT_AT;
    if (!inPlace) {
      if (text.buffer === memory.buffer) return false; // a view elsewhere in the memory: growing would detach it
      try {
        reserve(TEXT_AT + text.length + PADDING);
      } catch {
        return false;
      }
      new Uint8Array(memory.buffer).set(text, TEXT_AT);
    }
    new Uint8Array(memory.buffer).fill(SPACE, TEXT_AT + text.length, TEXT_AT + text.length + PADDING);
    return true;
  };
  const markers = (text: Buffer): number[] => {
    if (!place(text)) return markerOffsets(text);
    const count = exports.markers(TEXT_AT, text.length, 0, MAX_HITS);
    return count === -1 ? markerOffsets(text) : Array.from(new Int32Array(memory.buffer, 0, count));
  };
  const spans = (bytes: Buffer, hits: readonly number[]): SpansResult => {
    const arrayStart = recordsArrayStart(bytes);
    if (arrayStart === -1 || hits.length === 0 || hits[0]! < arrayStart) return { kind: 'not-a-log-file' };
    if (hits.length > MAX_HITS || !place(bytes)) return recordSpans(bytes, hits);
    new Int32Array(memory.buffer, 0, hits.length).set(hits);
    const status = exports.scan(TEXT_AT, bytes.length, arrayStart, 0, hits.length, SPANS_AT);
    if (status === STATUS.fallback) return recordSpans(bytes, hits);
    if (status === STATUS.notALogFile) return { kind: 'not-a-log-file' };
    const words = new Int32Array(memory.buffer, SPANS_AT, exports.spanCount() * 3);
    const found: RecordSpan[] = [];
    for (let at = 0; at < words.length; at += 3)
      found.push({ index: words[at]!, start: words[at + 1]!, end: words[at + 2]! });
    return status === STATUS.spans
      ? { kind: 'spans', spans: found }
      : { kind: 'truncated', spans: found, index: exports.stopIndex() };
  };
  // A view of the memory at TEXT_AT keeps its bytes when the memory grows (the view itself is then
  // detached, and replaced by the one returned).
  const allocate: GunzipAllocator = (size, previous, written) => {
    const inMemory = previous.buffer === memory.buffer;
    try {
      reserve(TEXT_AT + size + PADDING);
    } catch {
      // Larger than the module's memory can grow: an ordinary buffer, which the JS scans read.
      const outside = Buffer.allocUnsafe(size);
      previous.copy(outside, 0, 0, written);
      return outside;
    }
    const view = Buffer.from(memory.buffer, TEXT_AT, size);
    if (!inMemory) previous.copy(view, 0, 0, written);
    return view;
  };
  return { markers, spans, allocate };
};

/** The span finder alone, for callers that gunzip and search for markers themselves. */
const wasmSpanFinder = (moduleBytes: Uint8Array): SpanFinder | undefined =>
  structuralScanner(moduleBytes)?.spans;

export { structuralScanner, wasmSpanFinder };
export type { StructuralScanner };
