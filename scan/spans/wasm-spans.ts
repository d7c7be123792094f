import type { RecordSpan, SpanFinder, SpansResult } from '../record-spans.ts';
import { recordSpans, recordsArrayStart } from '../record-spans.ts';

/** What the module's `scan` answers (scan/spans/structural-scan.wat). */
const STATUS = { spans: 0, notALogFile: 1, truncated: 2, fallback: 3 } as const;

/** The part of the WebAssembly JS API used here (Node's types leave the global to the DOM library). */
interface WebAssemblyApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
}
const webAssembly = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;

interface StructuralScan {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  scan(text: number, len: number, from: number, hits: number, hitCount: number, out: number): number;
  spanCount(): number;
  stopIndex(): number;
}

const PAGE = 65_536;
/** The module reads whole 64-byte blocks: the text is followed by this many spaces. */
const PADDING = 64;
const SPACE = 0x20;

/**
 * The structural scanner over an instance of the module, or `undefined` where it cannot run (a
 * runtime without WebAssembly SIMD128, or bytes that are not the module): the caller keeps the JS
 * scan. One instance per thread; its memory holds the hits, the spans and a copy of the text, and
 * grows to the largest file seen, then is reused for every file after it.
 */
const wasmSpanFinder = (moduleBytes: Uint8Array): SpanFinder | undefined => {
  if (!webAssembly?.validate(moduleBytes)) return undefined;
  const exports = new webAssembly.Instance(new webAssembly.Module(moduleBytes)).exports as StructuralScan;
  const { memory } = exports;
  return (bytes, hits): SpansResult => {
    const arrayStart = recordsArrayStart(bytes);
    if (arrayStart === -1 || hits.length === 0 || hits[0]! < arrayStart) return { kind: 'not-a-log-file' };
    // Layout: hits (i32 each), spans (3 × i32 each, at most one per hit), then the text and its padding.
    const hitsAt = 0;
    const spansAt = hits.length * 4;
    const textAt = spansAt + hits.length * 12;
    const needed = textAt + bytes.length + PADDING;
    if (needed > memory.buffer.byteLength) memory.grow(Math.ceil((needed - memory.buffer.byteLength) / PAGE));
    const heap = new Uint8Array(memory.buffer);
    new Int32Array(memory.buffer, hitsAt, hits.length).set(hits);
    heap.set(bytes, textAt);
    heap.fill(SPACE, textAt + bytes.length, textAt + bytes.length + PADDING);
    const status = exports.scan(textAt, bytes.length, arrayStart, hitsAt, hits.length, spansAt);
    if (status === STATUS.fallback) return recordSpans(bytes, hits);
    if (status === STATUS.notALogFile) return { kind: 'not-a-log-file' };
    const words = new Int32Array(memory.buffer, spansAt, exports.spanCount() * 3);
    const spans: RecordSpan[] = [];
    for (let at = 0; at < words.length; at += 3)
      spans.push({ index: words[at]!, start: words[at + 1]!, end: words[at + 2]! });
    return status === STATUS.spans
      ? { kind: 'spans', spans }
      : { kind: 'truncated', spans, index: exports.stopIndex() };
  };
};

export { wasmSpanFinder };
