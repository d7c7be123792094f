import { readFileSync } from 'node:fs';
import { reusedGunzip } from '../scan/documents/reused-gunzip.ts';
import type { ListedScanTools } from '../scan/scan-listed.ts';
import { keptReadBuffer } from '../scan/sources/read-buffer.ts';
import type { StructuralScanner } from '../scan/spans/structural-scanner.ts';
import { structuralScanner } from '../scan/spans/structural-scanner.ts';
import { STRUCTURAL_SCAN_WASM } from './package-files.ts';

/** The structural scanner (WebAssembly SIMD128, built into dist/cli/), where the runtime runs it. */
const loadStructuralScanner = (): StructuralScanner | undefined => {
  try {
    return structuralScanner(readFileSync(STRUCTURAL_SCAN_WASM));
  } catch {
    return undefined;
  }
};

/**
 * What this thread scans objects with: one kept read buffer, one kept gunzip buffer and, where
 * WebAssembly SIMD runs, the structural marker search and span scan over it (in the module's
 * memory, so that they copy nothing); elsewhere the JS searches, which give the same answers.
 */
const scanTools = (): ListedScanTools => {
  const structural = loadStructuralScanner();
  const readBuffer = keptReadBuffer();
  return structural
    ? {
        readBuffer,
        gunzip: reusedGunzip(undefined, structural.allocate),
        markers: structural.markers,
        spans: structural.spans,
      }
    : { readBuffer, gunzip: reusedGunzip() };
};

export { scanTools };
