import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import wabt from 'wabt';
import { REPO, WASM_MODULES } from './artifacts.ts';

/**
 * The WebAssembly modules written in the repository as text (WAT), assembled with wabt (the
 * reference toolkit's own assembler, compiled to JS) with SIMD on. Deterministic: the same text
 * gives the same bytes, so the module's tests run what the text says.
 */
const buildWasm = async (): Promise<void> => {
  const toolkit = await wabt();
  await Promise.all(
    Object.entries(WASM_MODULES).map(async ([source, output]) => {
      const text = await readFile(join(REPO, source), 'utf8');
      const module = toolkit.parseWat(source, text, { simd: true });
      try {
        module.validate();
        const { buffer } = module.toBinary({ write_debug_names: false });
        await mkdir(join(REPO, dirname(output)), { recursive: true });
        await writeFile(join(REPO, output), buffer);
      } finally {
        module.destroy();
      }
    }),
  );
};

export { buildWasm };
