import { fakeUuid, seededRandom } from './random.ts';
import { loadTemplates } from './templates.ts';

interface Corpus {
  lines: string[];
  rootCount: number;
  bytes: number;
  sources: string;
}

/**
 * `count` CloudTrail records as JSON text, one per line, drawn from the templates with fresh
 * `eventID`, `eventTime` and request ids; `rootEvery` sets how rare root records are (1 in N).
 * `samplesOnly` draws root records from events/ alone (documentation-sized records).
 */
const buildCorpus = (
  count: number,
  rootEvery: number,
  { seed = 20261129, samplesOnly = false } = {},
): Corpus => {
  const templates = loadTemplates();
  const { nonRoot, sources } = templates;
  const root = samplesOnly ? templates.sampleRoot : templates.root;
  const random = seededRandom(seed);
  const start = Date.parse('2026-01-01T00:00:00Z');
  const lines: string[] = [];
  let rootCount = 0;
  let bytes = 0;
  for (let index = 0; index < count; index += 1) {
    const isRoot = rootEvery === 1 || random() < 1 / rootEvery;
    const pool = isRoot ? root : nonRoot;
    const template = pool[Math.floor(random() * pool.length)]!;
    const record = {
      ...template,
      eventID: fakeUuid(random),
      eventTime: new Date(start + index * 250).toISOString().replace('.000', ''),
      requestID: fakeUuid(random),
    };
    const line = JSON.stringify(record);
    lines.push(line);
    bytes += line.length + 1;
    if (isRoot) rootCount += 1;
  }
  return { lines, rootCount, bytes, sources };
};

export { buildCorpus };
export type { Corpus };
