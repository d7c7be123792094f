import { execFile } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { compiledEntry } from '../../cli/compiled-cli.mjs';
import { REPO_ROOT } from '../helpers/paths.ts';

interface Manifest {
  entries: Record<string, string>;
  inputs: Record<string, [number, number]>;
}

const CLI = join(REPO_ROOT, 'cli/rootwatch.mjs');

/** Runs the command line with `env` added; resolves with its exit code and output, whatever the code. */
const rootwatch = (args: string[], env: Record<string, string>) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd: REPO_ROOT, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });

// Under the repository, as the real cache: the compiled files import the packages left out of them
// (the AWS SDK, pino) from its node_modules.
const CACHES = join(REPO_ROOT, 'node_modules/.cache/rootwatch-cli-tests');
const newCache = () => {
  mkdirSync(CACHES, { recursive: true });
  return mkdtempSync(join(CACHES, 'cache-'));
};
const manifestOf = (cache: string) =>
  JSON.parse(readFileSync(join(cache, 'manifest.json'), 'utf8')) as Manifest;
const buildsIn = (cache: string) => readdirSync(cache).filter((entry) => entry.startsWith('build-'));

// classify over every sample: findings, invalid input on stderr, exit code 2.
const CLASSIFY = ['classify', '--json', 'events/'];

describe('the compiled command line (cli/compiled-cli.mjs)', () => {
  const saved = process.env.ROOTWATCH_CLI_CACHE;
  afterAll(() => rmSync(CACHES, { recursive: true, force: true }));
  afterEach(() => {
    if (saved === undefined) delete process.env.ROOTWATCH_CLI_CACHE;
    else process.env.ROOTWATCH_CLI_CACHE = saved;
  });

  it('is built on first use and prints exactly what the TypeScript prints through tsx', async () => {
    // Arrange
    const cache = newCache();

    // Act
    const compiled = await rootwatch(CLASSIFY, { ROOTWATCH_CLI_CACHE: cache });
    const throughTsx = await rootwatch(CLASSIFY, { ROOTWATCH_COMPILED: '0' });

    // Assess
    const manifest = manifestOf(cache);
    expect(Object.keys(manifest.entries).sort()).toStrictEqual(['main', 'scan-worker']);
    expect(Object.keys(manifest.inputs)).toEqual(
      expect.arrayContaining(['cli/main.ts', 'detection/classify.ts', 'cli/compiled-cli.mjs']),
    );
    expect(compiled.stdout.split('\n').length).toBeGreaterThan(40);
    expect(compiled).toStrictEqual(throughTsx);
  });

  it('keeps the paths of the source tree: replay finds the bundled events/ by default', async () => {
    // Act
    const { code, stdout } = await rootwatch(['replay'], { ROOTWATCH_CLI_CACHE: newCache() });

    // Assess
    expect(code).toBe(0);
    expect(stdout).toMatch(/incidents: +\d+/);
  });

  it('is rebuilt when one of its inputs changed, and not when none did', async () => {
    // Arrange
    const cache = newCache();
    await rootwatch(CLASSIFY, { ROOTWATCH_CLI_CACHE: cache });
    const first = manifestOf(cache);
    await rootwatch(CLASSIFY, { ROOTWATCH_CLI_CACHE: cache });
    const unchanged = manifestOf(cache);
    // As if cli/main.ts had been edited since the build.
    first.inputs['cli/main.ts'] = [0, first.inputs['cli/main.ts']![1]];
    writeFileSync(join(cache, 'manifest.json'), JSON.stringify(first));

    // Act
    const { code } = await rootwatch(CLASSIFY, { ROOTWATCH_CLI_CACHE: cache });

    // Assess
    const rebuilt = manifestOf(cache);
    expect(code).toBe(2);
    expect(unchanged.entries).toStrictEqual(first.entries);
    expect(rebuilt.entries.main).not.toBe(first.entries.main);
    expect(rebuilt.inputs['cli/main.ts']![0]).toBeGreaterThan(0);
    expect(buildsIn(cache)).toHaveLength(2); // the old build stays a day: a running command may need its chunks
  });

  it('gives workers the compiled entry only when it is up to date, and never builds for them', async () => {
    // Arrange
    process.env.ROOTWATCH_CLI_CACHE = newCache();

    // Act
    const beforeAnyBuild = await compiledEntry('scan-worker', { buildIfStale: false });
    const built = await compiledEntry('main');
    const worker = await compiledEntry('scan-worker', { buildIfStale: false });

    // Assess
    expect(beforeAnyBuild).toBeUndefined();
    expect(built).toMatch(/\/build-[^/]+\/main\.mjs$/);
    expect(worker).toMatch(/\/build-[^/]+\/scan-worker\.mjs$/);
  });

  it.each([
    { name: 'a cache that cannot be created', cache: join(REPO_ROOT, 'package.json/rootwatch-cli') },
    { name: 'a cache outside the repository', cache: mkdtempSync(join(tmpdir(), 'rootwatch-cli-outside-')) },
  ])('runs through tsx with $name, with the same output', async ({ cache }) => {
    // Act
    const withoutBuild = await rootwatch(CLASSIFY, { ROOTWATCH_CLI_CACHE: cache });
    const throughTsx = await rootwatch(CLASSIFY, { ROOTWATCH_COMPILED: '0' });

    // Assess
    expect(withoutBuild.code).toBe(2);
    expect(withoutBuild).toStrictEqual(throughTsx);
    if (existsSync(cache)) expect(readdirSync(cache)).toStrictEqual([]);
  });

  it.each([
    {
      name: 'the checkout was moved or copied (its paths are elsewhere)',
      spoil: (cache: string) => {
        const manifest = manifestOf(cache);
        writeFileSync(join(cache, 'manifest.json'), JSON.stringify({ ...manifest, root: '/elsewhere/' }));
      },
    },
    {
      name: 'its build can be written by others',
      spoil: (cache: string) => {
        for (const build of buildsIn(cache)) chmodSync(join(cache, build), 0o777);
      },
    },
    {
      name: 'its build was removed underneath',
      spoil: (cache: string) => {
        for (const build of buildsIn(cache)) rmSync(join(cache, build), { recursive: true });
      },
    },
  ])('is built again when $name', async ({ spoil }) => {
    // Arrange
    const cache = newCache();
    const throughTsx = await rootwatch(CLASSIFY, { ROOTWATCH_COMPILED: '0' });
    await rootwatch(CLASSIFY, { ROOTWATCH_CLI_CACHE: cache });
    const before = manifestOf(cache);
    spoil(cache);

    // Act
    const after = await rootwatch(CLASSIFY, { ROOTWATCH_CLI_CACHE: cache });

    // Assess
    expect(after).toStrictEqual(throughTsx);
    expect(manifestOf(cache).entries.main).not.toBe(before.entries.main);
  });

  it.skipIf(typeof process.getuid !== 'function')(
    'never runs a cache others can write to: it is removed and built afresh',
    async () => {
      // Arrange
      const cache = newCache();
      await rootwatch(CLASSIFY, { ROOTWATCH_CLI_CACHE: cache });
      chmodSync(cache, 0o777);
      writeFileSync(join(cache, 'planted.mjs'), 'process.exit(0)');

      // Act
      const { code } = await rootwatch(CLASSIFY, { ROOTWATCH_CLI_CACHE: cache });

      // Assess
      expect(code).toBe(2);
      expect(existsSync(join(cache, 'planted.mjs'))).toBe(false);
      expect(statSync(cache).mode & 0o777).toBe(0o755);
      expect(buildsIn(cache)).toHaveLength(1);
    },
  );

  it('removes builds unused for a day when it builds, and keeps the others', async () => {
    // Arrange
    const cache = newCache();
    await rootwatch(CLASSIFY, { ROOTWATCH_CLI_CACHE: cache });
    const [recent] = buildsIn(cache);
    const unused = join(cache, 'build-00000000-0000-0000-0000-000000000000');
    mkdirSync(unused);
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60_000);
    utimesSync(unused, twoDaysAgo, twoDaysAgo);
    const manifest = manifestOf(cache);
    manifest.inputs['cli/main.ts'] = [0, 0];
    writeFileSync(join(cache, 'manifest.json'), JSON.stringify(manifest));

    // Act
    await rootwatch(CLASSIFY, { ROOTWATCH_CLI_CACHE: cache });

    // Assess
    const builds = buildsIn(cache);
    expect(builds).toHaveLength(2);
    expect(builds).toContain(recent);
    expect(builds).not.toContain('build-00000000-0000-0000-0000-000000000000');
  });
});
