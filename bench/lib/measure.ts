/** Seconds taken by `work`, with a garbage collection first when exposed (node --expose-gc). */
const timeOnce = (work: () => void): number => {
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1e9;
};

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

/** `median s (min–max)`, for timed runs reported side by side. */
const secondsSpread = (values: readonly number[]): string =>
  `${median(values).toFixed(2)} s (${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)})`;

/**
 * Median seconds of each contender, run interleaved (A, B, A, B, …) after a warm-up round, so that
 * a noisy neighbour or a CPU frequency change hurts all contenders alike.
 */
const compare = (contenders: Record<string, () => void>, rounds = 7): Record<string, number> => {
  const names = Object.keys(contenders);
  for (const name of names) contenders[name]!();
  const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round += 1) {
    for (const name of names) samples[name]!.push(timeOnce(contenders[name]!));
  }
  return Object.fromEntries(names.map((name) => [name, median(samples[name]!)]));
};

export { compare, median, percentile, secondsSpread, timeOnce };
