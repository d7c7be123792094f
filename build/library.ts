import { execFile } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DIST, REPO } from './artifacts.ts';

const LIB = join(DIST, 'lib');

/** Relative `.ts` specifiers, as the sources write them (tsc rewrites them in the JavaScript, not in declarations). */
const TS_SPECIFIER = /((?:from|import)\s*\(?\s*['"]\.{1,2}\/[^'"]*)\.ts(['"])/g;

/** Every declaration file under `dir`. */
const declarations = async (dir: string): Promise<string[]> =>
  (await readdir(dir, { recursive: true }))
    .filter((file) => file.endsWith('.d.ts'))
    .map((file) => join(dir, file));

/**
 * The library faces and what they import, compiled file by file with their declarations
 * (tsconfig.lib.json). The declarations then name `.js` files, as a consumer resolves them.
 */
const buildLibrary = async (): Promise<void> => {
  await rm(LIB, { recursive: true, force: true });
  const tsc = join(REPO, 'node_modules/typescript/bin/tsc');
  await promisify(execFile)(process.execPath, [tsc, '-p', 'tsconfig.lib.json'], { cwd: REPO }).catch(
    (error: { stdout?: string; message: string }) => {
      throw new Error(`the library did not compile:\n${error.stdout || error.message}`);
    },
  );
  for (const file of await declarations(LIB)) {
    const text = await readFile(file, 'utf8');
    const fixed = text.replace(TS_SPECIFIER, '$1.js$2');
    if (fixed !== text) await writeFile(file, fixed);
  }
};

export { buildLibrary };
