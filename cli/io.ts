import { fstatSync } from 'node:fs';

/**
 * What a command touches of its world: where it writes (stdout for results, stderr for diagnostics)
 * and the clock it reads. Injected, so that tests read both streams and set the time.
 */
interface CommandIo {
  out(line: string): void;
  err(line: string): void;
  /**
   * A transient status line on a terminal (overwritten by the next one, cleared with `''`).
   * Absent when stderr is not a terminal: progress is then silent.
   */
  status?(line: string): void;
  /** The time now (suppression expiry, the audit's as-of, report stamps); default the system clock. */
  now?(): Date;
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

/**
 * Lines written to a pipe in one tick leave in one system call (a scan prints its findings in one
 * go; pipes are written synchronously, a call per write otherwise). Anything written to stderr
 * first flushes them, so that the two streams keep their order when they share one reader.
 */
const stdoutIsPipe = (): boolean => {
  try {
    return fstatSync(1).isFIFO();
  } catch {
    return false; // stdout closed
  }
};
const batchOut = stdoutIsPipe();
let corked = false;
const flushOut = () => {
  if (!corked) return;
  corked = false;
  process.stdout.uncork();
};
const writeErr = (text: string) => {
  flushOut();
  process.stderr.write(text);
};

const processIo: CommandIo = {
  out: (line) => {
    if (stdoutClosed) return;
    if (batchOut && !corked) {
      corked = true;
      process.stdout.cork();
      process.nextTick(flushOut);
    }
    process.stdout.write(`${line}\n`);
  },
  err: (line) => writeErr(`${line}\n`),
  ...(process.stderr.isTTY ? { status: (line: string) => writeErr(`\r\x1b[K${line}`) } : {}),
};

export { processIo };
export type { CommandIo };
