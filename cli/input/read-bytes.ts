import { readFile } from 'node:fs/promises';
import { gunzip, isGzip } from '../../scan/documents/gzip.ts';

const readStdin = async (): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/** The bytes of a file (or stdin for `-`), gunzipped when they are gzip, whatever the file name says. */
const readBytes = async (path: string): Promise<Buffer> => {
  const raw = path === '-' ? await readStdin() : await readFile(path);
  return isGzip(raw) ? gunzip(raw) : raw;
};

export { readBytes };
