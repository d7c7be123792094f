import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Builds the Lambda bundle once before the suites, so that the CDK tests package what `npm run
 * bundle` writes now, never a stale `dist/` (a fresh clone has none).
 */
export default function setup(): void {
  execFileSync('npm', ['run', 'bundle', '--silent'], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: 'inherit',
  });
}
