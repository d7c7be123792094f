import { percentile } from './measure.ts';
import type { BenchLine } from './report.ts';

const ms = (value: number) => `${value.toFixed(2)} ms`;

/**
 * The p50 (for reference) and p99 (against `maxRatio`) of per-event latencies beside the same
 * percentiles of their baseline, measured in the same loop.
 */
const latencyLines = (
  measured: { name: string; values: readonly number[] },
  baseline: { name: string; values: readonly number[] },
  maxRatio: number,
): BenchLine[] =>
  [50, 99].map((p) => {
    const value = percentile(measured.values, p);
    const base = percentile(baseline.values, p);
    const ratio = value / base;
    return {
      name: `${measured.name} p${p}`,
      value: ms(value),
      baseline: `${ms(base)} (${baseline.name})`,
      ratio,
      target: p === 99 ? `<= ${maxRatio}x bare p99` : '',
      met: p === 99 ? ratio <= maxRatio : true,
    };
  });

export { latencyLines };
