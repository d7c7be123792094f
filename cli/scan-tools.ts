import { readFileSync } from 'node:fs';
import { reusedGunzip } from '../scan/documents/reused-gunzip.ts';
import type { SpanFinder } from '../scan/record-spans.ts';
import { recordSpans } from '../scan/record-spans.ts';
import type { ObjectScanTools } from '../scan/scan-object.ts';
import { wasmSpanFinder } from '../scan/spans/wasm-spans.ts';
import { STRUCTURAL_SCAN_WASM } from './package-files.ts';

/**
 * The record-span finder of this thread: the structural scanner (WebAssembly SIMD128, built into
 * dist/cli/) where the runtime runs it, else the JS scan, which gives the same spans.
 */
const spanFinder = (): SpanFinder => {
  try {
    return wasmSpanFinder(readFileSync(STRUCTURAL_SCAN_WASM)) ?? recordSpans;
  } catch {
    return recordSpans;
  }
};

/** What this thread scans objects with: one kept gunzip buffer, and the span finder. */
const scanTools = (): ObjectScanTools => ({ gunzip: reusedGunzip(), spans: spanFinder() });

export { scanTools, spanFinder };
