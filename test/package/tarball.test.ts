import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { PRODUCT } from '../../findings/formats/product.ts';
import { REPO_ROOT } from '../helpers/paths.ts';

const run = promisify(execFile);
const PACKAGE = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  version: string;
  devDependencies: Record<string, string>;
};
const SAMPLE = join(REPO_ROOT, 'events/sign-in/root-console-login-without-mfa.json');
let app: string;
let tarballFiles: string[];

/** `npm` in the consumer's folder, from the registry or its cache (CI's `npm ci` filled it). */
const npm = (args: string[], cwd: string) =>
  run('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
    cwd,
    maxBuffer: 16 * 1024 * 1024,
  });

/**
 * The package as a user gets it: the library built (the suites' setup built the CLI and the Lambda
 * code), packed exactly as `npm publish` would, then installed from the tarball into a fresh app
 * beside the CDK, cdk-nag and TypeScript of the versions this repository tests with.
 */
beforeAll(async () => {
  await run('npm', ['run', 'build', '--silent', '--', 'lib'], { cwd: REPO_ROOT });
  const packed = mkdtempSync(join(tmpdir(), 'rootwatch-pack-'));
  const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', packed], {
    cwd: REPO_ROOT,
    maxBuffer: 16 * 1024 * 1024,
  });
  const [manifest] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  tarballFiles = manifest!.files.map((file) => file.path);
  app = mkdtempSync(join(tmpdir(), 'rootwatch-consumer-'));
  cpSync(join(REPO_ROOT, 'test/package/consumer'), app, { recursive: true });
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  const devVersion = (name: string) => `${name}@${PACKAGE.devDependencies[name]}`;
  await npm(
    [
      'install',
      join(packed, manifest!.filename),
      ...['aws-cdk-lib', 'constructs', 'cdk-nag', '@types/node'].map(devVersion),
    ],
    app,
  );
}, 300_000);

describe('The package, installed from its tarball into a fresh app', () => {
  it('ships the built CLI, Lambda code and library, and no tests, sources or source maps', () => {
    // Assess
    expect(tarballFiles).toEqual(
      expect.arrayContaining([
        'dist/cli/rootwatch.mjs',
        'dist/cli/scan-worker.mjs',
        'dist/lambda/root-activity/index.mjs',
        'dist/lambda/root-activity/suppressions.json',
        'dist/lib/index.js',
        'dist/lib/index.d.ts',
        'dist/lib/infra/index.js',
        'LICENSE',
      ]),
    );
    expect(
      tarballFiles.filter(
        (file) => /^(test|cli|handlers|infra|detection|scan)\//.test(file) || file.endsWith('.map'),
      ),
    ).toStrictEqual([]);
  });

  it('synthesizes RootActivityDetector with its defaults, with the Lambda code shipped inside, cdk-nag clean', async () => {
    // Act
    const { stdout } = await run(process.execPath, ['app.mjs', join(app, 'cdk.out')], { cwd: app });

    // Assess
    expect(JSON.parse(stdout)).toMatchObject({ violations: [], functions: expect.any(Number) });
    expect(JSON.parse(stdout).functions).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(stdout).lambdaAssets).toBeGreaterThanOrEqual(1);
  }, 180_000);

  it('runs `npx rootwatch classify` from the installed bin', async () => {
    // Act
    const { stdout } = await run('npx', ['--no-install', 'rootwatch', 'classify', '--json', SAMPLE], {
      cwd: app,
    });

    // Assess
    expect(JSON.parse(stdout)).toMatchObject({ severity: 'critical', activity: 'sign-in', mfa: false });
  }, 180_000);

  it('type-checks and runs a TypeScript consumer of `rootwatch` and `rootwatch/cdk`', async () => {
    // Act
    await run(process.execPath, [join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-p', app]);
    const { stdout } = await run(
      process.execPath,
      [
        join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs'),
        join(app, 'consumer.ts'),
        readFileSync(SAMPLE, 'utf8'),
      ],
      { cwd: app },
    );

    // Assess
    expect(JSON.parse(stdout)).toMatchObject({
      kind: 'finding',
      severity: 'critical',
      construct: 'function',
    });
  }, 180_000);

  it('carries the package version in the findings it writes', () => {
    // Assess
    expect(PRODUCT.version).toBe(PACKAGE.version);
  });
});
