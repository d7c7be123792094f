/** Where a command writes: stdout for results, stderr for diagnostics. Injected so tests can read both. */
interface CommandIo {
  out(line: string): void;
  err(line: string): void;
  /**
   * A transient status line on a terminal (overwritten by the next one, cleared with `''`).
   * Absent when stderr is not a terminal: progress is then silent.
   */
  status?(line: string): void;
}

/**
 * Whether the reader of stdout went away (`rootwatch classify … | head`): the rest of the output is
 * dropped, and the command runs to its end, so that its exit code still says what it found.
 */
let stdoutClosed = false;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  stdoutClosed = true;
});

const processIo: CommandIo = {
  out: (line) => {
    if (!stdoutClosed) process.stdout.write(`${line}\n`);
  },
  err: (line) => process.stderr.write(`${line}\n`),
  ...(process.stderr.isTTY ? { status: (line: string) => process.stderr.write(`\r\x1b[K${line}`) } : {}),
};

export { processIo };
export type { CommandIo };
