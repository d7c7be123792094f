import { Detector } from '../../detection/detector.ts';
import type { Finding } from '../../schemas/finding.ts';
import { listSampleFiles, sampleConfig, sampleValues } from './sample-events.ts';

interface SampleFinding {
  file: string;
  /** The input the finding was made from, as read (record or envelope). */
  event: unknown;
  finding: Finding;
}

const collect = async (): Promise<SampleFinding[]> => {
  const found: SampleFinding[] = [];
  for (const file of listSampleFiles()) {
    const values = await sampleValues(file);
    const detector = new Detector(sampleConfig(file));
    detector.learnSessions(values);
    for (const event of values) {
      const detection = detector.detect(event);
      if (detection.kind === 'finding') found.push({ file, event, finding: detection.finding });
    }
  }
  return found;
};

let collected: Promise<SampleFinding[]> | undefined;

/**
 * Every finding the samples give, each with the input it came from, detected as `rootwatch classify`
 * does (a sample's AssumeRoot records are learnt before its root events; events/tampering/ with the
 * example deployment's protected resources). Fresh copies: mutate freely.
 */
const sampleFindings = async (): Promise<SampleFinding[]> => structuredClone(await (collected ??= collect()));

/** The finding of a sample that gives exactly one. */
const onlyFinding = async (file: string): Promise<SampleFinding> => {
  const found = (await sampleFindings()).filter((sample) => sample.file === file);
  if (found.length !== 1) throw new Error(`${file} gives ${found.length} findings, not one`);
  return found[0]!;
};

export { sampleFindings, onlyFinding };
export type { SampleFinding };
