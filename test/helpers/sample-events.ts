import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readItems } from '../../cli/input/read-items.ts';
import type { InputItem } from '../../scan/documents/input-item.ts';
import { DetectorConfigSchema } from '../../schemas/detector-config.ts';
import type { DetectorConfig } from '../../schemas/detector-config.ts';
import { EVENTS_DIR, REPO_ROOT } from './paths.ts';

/** The DetectorConfig of an example deployment, as the Rootwatch stack outputs it (its protected resources). */
const DEPLOYED_CONFIG_FILE = join(REPO_ROOT, 'config', 'deployed-detector-config.example.json');
const DEPLOYED_CONFIG: DetectorConfig = DetectorConfigSchema.parse(
  JSON.parse(readFileSync(DEPLOYED_CONFIG_FILE, 'utf8')),
);

/**
 * The detector settings a sample is detected with: the example deployment's for events/tampering/
 * (tampering is about a deployment's own resources), the defaults for every other sample.
 */
const sampleConfig = (file: string): DetectorConfig =>
  file.startsWith('tampering/') ? DEPLOYED_CONFIG : DetectorConfigSchema.parse({});

/** Every sample file under events/ (not its README), as paths relative to events/. */
const listSampleFiles = (dir = EVENTS_DIR): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.md'))
    .map((entry) => relative(EVENTS_DIR, join(entry.parentPath, entry.name)))
    .sort();

/** The items of one sample, read with the same code as `rootwatch classify`. */
const readSample = async (file: string): Promise<InputItem[]> => {
  const items: InputItem[] = [];
  for await (const item of readItems([join(EVENTS_DIR, file)])) items.push(item);
  return items;
};

/** The values of one sample; fails loudly if a sample cannot be read (samples are ours). */
const sampleValues = async (file: string): Promise<unknown[]> =>
  (await readSample(file)).map((item) => {
    if (item.kind === 'unreadable') throw new Error(`sample ${file} is unreadable: ${item.reason}`);
    return item.value;
  });

export { listSampleFiles, readSample, sampleValues, sampleConfig, DEPLOYED_CONFIG, DEPLOYED_CONFIG_FILE };
