import { spawn } from 'node:child_process';

/** Runs a command; resolves with its stdout, wall time in ms and exit code. */
const runProcess = (
  command: string,
  args: readonly string[],
  { env, input }: { env?: NodeJS.ProcessEnv; input?: string } = {},
): Promise<{ stdout: string; ms: number; code: number | null }> =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env: env ?? process.env, stdio: ['pipe', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, ms: performance.now() - started, code }));
    child.stdin.end(input ?? '');
  });

export { runProcess };
