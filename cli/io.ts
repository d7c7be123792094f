/** Where a command writes: stdout for results, stderr for diagnostics. Injected so tests can read both. */
interface CommandIo {
  out(line: string): void;
  err(line: string): void;
}

const processIo: CommandIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

export { processIo };
export type { CommandIo };
