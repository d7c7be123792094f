// The command line compiled by esbuild (one ESM file per entry, commands in chunks of their own),
// kept under node_modules/.cache and rebuilt when any of its inputs changed. Through tsx's hook the
// command line loads some 130 TypeScript modules one by one, a third of a second at every start
// (most of a small command's time, and of a scan's lead over gunzip alone); compiled, a twentieth.
// A fresh clone builds it on its first command (about 0.3 s, once). Whatever goes wrong (esbuild
// missing, a build error while a file is being edited, a read-only tree) leaves the build out and
// the command runs through tsx, which then reports the problem as it always did.
// ROOTWATCH_COMPILED=0 runs through tsx always; ROOTWATCH_CLI_CACHE moves the cache (tests; keep it
// inside the repository, whose node_modules the compiled files import the AWS SDK and pino from).
// Plain JavaScript: it runs before anything can load TypeScript.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ENTRIES = { main: 'cli/main.ts', 'scan-worker': 'scan/workers/scan-worker.ts' };
/** Loaded by the commands that need them, from node_modules as installed (large, and rarely used). */
const EXTERNAL = ['@aws-sdk/*', 'pino', 'tsx', 'esbuild'];
/** A build older than this that the manifest no longer names is removed (a running command may still load its chunks). */
const STALE_BUILD_MS = 60 * 60_000;
const MANIFEST_VERSION = 1;

const cacheDir = () => process.env.ROOTWATCH_CLI_CACHE ?? join(ROOT, 'node_modules/.cache/rootwatch-cli');

const enabled = () => process.env.ROOTWATCH_COMPILED !== '0';

/** `[mtimeMs, size]` of a file of the repository, or undefined when it is gone. */
const stamp = (file) => {
  const info = statSync(join(ROOT, file), { throwIfNoEntry: false });
  return info && [info.mtimeMs, info.size];
};

/** The manifest, when every input it names is unchanged; undefined otherwise. */
const freshManifest = () => {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(cacheDir(), 'manifest.json'), 'utf8'));
  } catch {
    return undefined;
  }
  if (manifest.version !== MANIFEST_VERSION) return undefined;
  for (const [file, [mtimeMs, size]] of Object.entries(manifest.inputs)) {
    const now = stamp(file);
    if (!now || now[0] !== mtimeMs || now[1] !== size) return undefined;
  }
  return manifest;
};

/**
 * esbuild replaces `import.meta.url` with the URL of the module it is written in, so that paths
 * built from it (the bundled `events/`, the worker entry, the fallback of `loadModule`) stay those
 * of the source tree wherever the compiled file lives.
 */
const sourceUrls = {
  name: 'source-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.(ts|mjs)$/ }, (args) => {
      if (args.path.includes('/node_modules/')) return undefined;
      const source = readFileSync(args.path, 'utf8');
      return {
        contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
        loader: args.path.endsWith('.ts') ? 'ts' : 'js',
      };
    });
  },
};

const removeOldBuilds = (dir, keep) => {
  for (const entry of readdirSync(dir)) {
    if (!entry.startsWith('build-') || entry === keep) continue;
    const path = join(dir, entry);
    if (Date.now() - statSync(path).mtimeMs > STALE_BUILD_MS) rmSync(path, { recursive: true, force: true });
  }
};

/** Builds every entry into a new folder of the cache and writes the manifest last (atomically). */
const build = async () => {
  const { build: esbuild } = await import('esbuild');
  const started = Date.now();
  const dir = cacheDir();
  const folder = `build-${started.toString(36)}-${process.pid}`;
  const result = await esbuild({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir: join(dir, folder),
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
    plugins: [sourceUrls],
  });
  const inputs = {};
  for (const file of [...Object.keys(result.metafile.inputs), 'cli/compiled-cli.mjs', 'package-lock.json']) {
    const now = stamp(file);
    // Changed while it was being read: this build may hold half an edit, so it is not used.
    if (!now || now[0] > started) return undefined;
    inputs[file] = now;
  }
  const entries = Object.fromEntries(Object.keys(ENTRIES).map((name) => [name, `${folder}/${name}.mjs`]));
  const manifest = { version: MANIFEST_VERSION, entries, inputs };
  const temporary = join(dir, `manifest-${process.pid}.json`);
  writeFileSync(temporary, JSON.stringify(manifest));
  renameSync(temporary, join(dir, 'manifest.json'));
  removeOldBuilds(dir, folder);
  return manifest;
};

/**
 * The file URL of the compiled `entry` (`main`, `scan-worker`) when it is up to date; built first
 * when `buildIfStale` (the command line does, its workers only take what is there). Undefined when
 * there is none to use: the caller runs the TypeScript through tsx.
 */
const compiledEntry = async (entry, { buildIfStale = true } = {}) => {
  if (!enabled()) return undefined;
  try {
    let manifest = freshManifest();
    if (!manifest && buildIfStale) {
      mkdirSync(cacheDir(), { recursive: true });
      manifest = await build();
    }
    return manifest && pathToFileURL(join(cacheDir(), manifest.entries[entry])).href;
  } catch {
    return undefined;
  }
};

export { compiledEntry };
