import { main } from '../../cli/main.ts';

/** The clock of in-process command lines: a fixed time, never today's. */
const CLI_NOW = new Date('2026-11-29T12:00:00Z');

/** Runs one command line in this process, as `rootwatch` would, and keeps what it printed. */
const runCli = async (
  argv: readonly string[],
  now: Date = CLI_NOW,
): Promise<{ code: number; out: string[]; err: string[] }> => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main([...argv], {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    now: () => now,
  });
  return { code, out, err };
};

export { runCli, CLI_NOW };
