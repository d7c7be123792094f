import { Detector } from '../detection/detector.ts';
import { buildCorpus } from './corpus/records.ts';
import type { Corpus } from './corpus/records.ts';
import { compare } from './lib/measure.ts';
import type { BenchLine } from './lib/report.ts';
import { perSecond, printTable } from './lib/report.ts';

/** Throughput of the detector from JSON text to findings, on one core, against plain JSON.parse. */
const measure = (name: string, corpus: Corpus, target?: number): BenchLine => {
  let sink = 0;
  const times = compare({
    baseline: () => {
      for (const line of corpus.lines) sink += JSON.parse(line) ? 1 : 0;
    },
    rootwatch: () => {
      const detector = new Detector();
      for (const line of corpus.lines) sink += detector.detect(JSON.parse(line)).kind === 'finding' ? 1 : 0;
    },
  });
  if (sink < 0) console.log(sink);
  const ratio = times.baseline! / times.rootwatch!;
  return {
    name,
    value: perSecond(corpus.lines.length, times.rootwatch!),
    baseline: perSecond(corpus.lines.length, times.baseline!),
    ratio,
    target: target === undefined ? '' : `>= ${target.toFixed(2)}x JSON.parse`,
    met: target === undefined || ratio >= target,
  };
};

const runClassifyThroughput = (): BenchLine[] => {
  const mixed = buildCorpus(200_000, 1000);
  const allRoot = buildCorpus(50_000, 1);
  const sampleRoot = buildCorpus(50_000, 1, { samplesOnly: true });
  console.log(`\nclassify throughput (one core; ${mixed.sources})`);
  console.log(
    `  mixed corpus: ${mixed.lines.length.toLocaleString('en-US')} records, ${mixed.rootCount} root, ` +
      `${(mixed.bytes / 1e6).toFixed(1)} MB; all-root corpus: ${allRoot.lines.length.toLocaleString('en-US')} records, ` +
      `${(allRoot.bytes / 1e6).toFixed(1)} MB (samples only: ${(sampleRoot.bytes / 1e6).toFixed(1)} MB)`,
  );
  const lines = [
    measure('mixed (1 root in 1,000)', mixed, 0.8),
    measure('all root', allRoot, 0.4),
    // Documentation-sized records: parsing is cheaper, so the fixed per-record cost weighs more.
    measure('all root, events/ samples only', sampleRoot),
  ];
  printTable(
    'records per second, median of 7 interleaved rounds; baseline = JSON.parse of the same text',
    lines,
  );
  return lines;
};

export { runClassifyThroughput };
