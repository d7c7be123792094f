import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Builds the Lambda code and the command line once before the suites, so that the tests run what
 * the sources say now, never a stale dist/ (the library build is the tarball test's: npm pack runs it).
 */
export default function setup(): void {
  execFileSync('npm', ['run', 'build', '--silent', '--', 'lambda', 'cli'], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: 'inherit',
  });
}
