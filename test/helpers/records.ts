import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENTS_DIR } from './paths.ts';

/** A sample's JSON, unwrapped from its envelope, as a fresh mutable copy (variants = clone + mutation). */
const sampleRecord = (file: string): Record<string, unknown> & { userIdentity: Record<string, unknown> } => {
  const value = JSON.parse(readFileSync(join(EVENTS_DIR, file), 'utf8')) as Record<string, unknown>;
  return structuredClone(('detail-type' in value ? value.detail : value) as ReturnType<typeof sampleRecord>);
};

const sampleJson = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(EVENTS_DIR, file), 'utf8')) as Record<string, unknown>;

export { sampleRecord, sampleJson };
