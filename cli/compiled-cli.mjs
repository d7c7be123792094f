// The command line compiled by esbuild (one ESM file per entry, commands in chunks of their own),
// kept under node_modules/.cache and rebuilt when any of its inputs changed. Through tsx's hook the
// command line loads some 130 TypeScript modules one by one, a third of a second at every start
// (most of a small command's time, and of a scan's lead over gunzip alone); compiled, a twentieth.
// A fresh clone builds it on its first command (about 0.35 s, once). Whatever goes wrong (esbuild
// missing, a build error while a file is being edited, a read-only or foreign cache, a build removed
// underneath) leaves the build out and the command runs through tsx, which then reports any problem
// as it always did. ROOTWATCH_COMPILED=0 runs through tsx always; ROOTWATCH_CLI_CACHE moves the cache
// (tests; it must stay inside the repository, whose node_modules the compiled files import the AWS
// SDK and pino from).
// Plain JavaScript: it runs before anything can load TypeScript.
import { randomUUID } from 'node:crypto';
import {
  accessSync,
  constants,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ENTRIES = { main: 'cli/main.ts', 'scan-worker': 'scan/workers/scan-worker.ts' };
/** Loaded by the commands that need them, from node_modules as installed (large, and rarely used). */
const EXTERNAL = ['@aws-sdk/*', 'pino', 'tsx', 'esbuild'];
/** What shapes the build besides the files esbuild reads; a missing one is stamped as missing. */
const SETTINGS = ['cli/compiled-cli.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];
/**
 * A build the manifest no longer names is removed once unused this long: every command that runs a
 * build touches it, and a long scan may still load a chunk of the build it started with.
 */
const UNUSED_BUILD_MS = 24 * 60 * 60_000;
const MANIFEST_VERSION = 2;
const ENTRY_FILE = /^build-[0-9a-f-]{36}\/[a-z-]+\.mjs$/;

const enabled = () => process.env.ROOTWATCH_COMPILED !== '0';

/** The cache folder, which must lie inside the repository (see above); undefined otherwise. */
const cacheDir = () => {
  const dir = resolve(process.env.ROOTWATCH_CLI_CACHE ?? join(ROOT, 'node_modules/.cache/rootwatch-cli'));
  return dir.startsWith(ROOT) ? dir : undefined;
};

/** `[mtimeMs, size]` of a file of the repository, or null when it does not exist. */
const stamp = (file) => {
  const info = statSync(join(ROOT, file), { throwIfNoEntry: false });
  return info ? [info.mtimeMs, info.size] : null;
};
const sameStamp = (a, b) => (a === null ? b === null : b !== null && a[0] === b[0] && a[1] === b[1]);

/**
 * Whether code in `path` may be run: on POSIX, it belongs to whoever runs the command and nobody
 * else may write to it (a cache someone else can write to could hand us their code).
 */
const trusted = (path) => {
  if (typeof process.getuid !== 'function') return true;
  const info = statSync(path);
  return info.uid === process.getuid() && (info.mode & 0o022) === 0;
};

/** The manifest of the build to run, when it is ours, complete and every input is unchanged. */
const freshManifest = (dir) => {
  let manifest;
  try {
    if (!trusted(dir) || !trusted(join(dir, 'manifest.json'))) return undefined;
    manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  } catch {
    return undefined;
  }
  // A checkout moved or copied elsewhere: the build's paths name the old place.
  if (manifest.version !== MANIFEST_VERSION || manifest.root !== ROOT) return undefined;
  for (const [file, then] of Object.entries(manifest.inputs)) {
    if (!sameStamp(then, stamp(file))) return undefined;
  }
  for (const entry of Object.values(manifest.entries)) {
    if (!ENTRY_FILE.test(entry) || !statSync(join(dir, entry), { throwIfNoEntry: false })) return undefined;
    if (!trusted(join(dir, entry.split('/')[0]))) return undefined;
  }
  return manifest;
};

/**
 * esbuild replaces `import.meta.url` with the URL of the module it is written in, so that paths
 * built from it (the bundled `events/`, the worker entry, the fallback of `loadModule`) stay those
 * of the source tree wherever the compiled file lives. Each of our files is stamped before it is
 * read, so that an edit made during the build is caught (see `build`).
 */
const sourceFiles = (readStamps) => ({
  name: 'rootwatch-sources',
  setup(build) {
    build.onLoad({ filter: /\.(ts|mjs)$/ }, (args) => {
      const file = relative(ROOT, args.path);
      if (file.startsWith('..') || file.startsWith(`node_modules${sep}`)) return undefined;
      readStamps.set(file, stamp(file));
      const source = readFileSync(args.path, 'utf8');
      return {
        contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
        loader: args.path.endsWith('.ts') ? 'ts' : 'js',
      };
    });
  },
});

/**
 * What the compiled code could not do as the TypeScript does: `import.meta` left in it (paths of
 * the cache, not of the sources) or esbuild's stand-in for a `require` it could not bundle (which
 * throws when called).
 */
const COMPILED_ONLY_FAILURES = ['import.meta', 'Dynamic require of'];

/** A build in use is not removed while unused builds are (a read-only cache keeps them all). */
const markUsed = (folder) => {
  try {
    const now = new Date();
    utimesSync(folder, now, now);
  } catch {
    // Read-only: nothing removes builds from it either.
  }
};

const removeUnusedBuilds = (dir, keep) => {
  for (const entry of readdirSync(dir)) {
    if (!entry.startsWith('build-') || entry === keep) continue;
    try {
      const info = statSync(join(dir, entry), { throwIfNoEntry: false });
      if (info && Date.now() - info.mtimeMs > UNUSED_BUILD_MS) rmSync(join(dir, entry), { recursive: true });
    } catch {
      // Another command removed it first.
    }
  }
};

/**
 * Builds every entry into a new folder of the cache and writes the manifest last (atomically), or
 * returns undefined (and leaves nothing behind) when the build must not be used.
 */
const build = async (dir) => {
  accessSync(dir, constants.W_OK); // before the build, not after it: a read-only cache fails fast
  const { build: esbuild } = await import('esbuild');
  const folder = `build-${randomUUID()}`;
  const outdir = join(dir, folder);
  const readStamps = new Map();
  // What the build writes is writable by us alone, whatever the umask (see `trusted`).
  const umask = process.umask(0o022);
  try {
    const result = await esbuild({
      absWorkingDir: ROOT,
      entryPoints: ENTRIES,
      outdir,
      entryNames: '[name]',
      // .mjs: under node_modules, no package.json says `"type": "module"`.
      outExtension: { '.js': '.mjs' },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      external: EXTERNAL,
      metafile: true,
      logLevel: 'silent',
      plugins: [sourceFiles(readStamps)],
    });
    const inputs = {};
    for (const file of [...Object.keys(result.metafile.inputs), ...SETTINGS]) {
      const now = stamp(file);
      // Changed since it was read: this build may hold half an edit.
      if (readStamps.has(file) && !sameStamp(readStamps.get(file), now)) throw new Error(`${file} changed`);
      inputs[file] = now;
    }
    for (const output of Object.keys(result.metafile.outputs)) {
      const code = readFileSync(join(ROOT, output), 'utf8');
      if (COMPILED_ONLY_FAILURES.some((failure) => code.includes(failure))) throw new Error(output);
    }
    const entries = Object.fromEntries(Object.keys(ENTRIES).map((name) => [name, `${folder}/${name}.mjs`]));
    const manifest = { version: MANIFEST_VERSION, root: ROOT, entries, inputs };
    const temporary = join(dir, `manifest-${randomUUID()}.json`);
    writeFileSync(temporary, JSON.stringify(manifest), { mode: 0o644 });
    renameSync(temporary, join(dir, 'manifest.json'));
    removeUnusedBuilds(dir, folder);
    return manifest;
  } catch {
    rmSync(outdir, { recursive: true, force: true });
    return undefined;
  } finally {
    process.umask(umask);
  }
};

/**
 * The file URL of the compiled `entry` (`main`, `scan-worker`) when it is up to date; built first
 * when `buildIfStale` (the command line does, its workers only take what is there). Undefined when
 * there is none to use: the caller runs the TypeScript through tsx.
 */
const compiledEntry = async (entry, { buildIfStale = true } = {}) => {
  const dir = cacheDir();
  if (!enabled() || !dir) return undefined;
  try {
    let manifest = freshManifest(dir);
    if (manifest) {
      markUsed(join(dir, manifest.entries[entry].split('/')[0]));
    } else if (buildIfStale) {
      // Ours but open to others (an older umask): what it holds is not run, it is started afresh.
      if (statSync(dir, { throwIfNoEntry: false }) && !trusted(dir)) rmSync(dir, { recursive: true });
      mkdirSync(dir, { recursive: true, mode: 0o755 });
      manifest = await build(dir);
    }
    return manifest && pathToFileURL(join(dir, manifest.entries[entry])).href;
  } catch {
    return undefined;
  }
};

/**
 * Imports the compiled `entry`, or returns undefined when there is none or it cannot be loaded (its
 * build removed underneath): the caller then runs the TypeScript through tsx.
 */
const importCompiled = async (entry, options) => {
  const url = await compiledEntry(entry, options);
  if (!url) return undefined;
  try {
    return await import(url);
  } catch (error) {
    if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('/build-')) return undefined;
    throw error;
  }
};

export { compiledEntry, importCompiled };
