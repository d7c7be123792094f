// A scan worker thread: reads, gunzips and prefilters the objects the pool (scan/workers/worker-pool.ts)
// hands it, and answers with their root-related records. Built to dist/cli/scan-worker.mjs.
import { parentPort } from 'node:worker_threads';
import { sourceCache } from '../adapters/archive-sources.ts';
import { scanListed } from '../scan/scan-listed.ts';
import type { WireScan, WorkerReply, WorkerRequest } from '../scan/workers/worker-messages.ts';
import { toWire } from '../scan/workers/worker-messages.ts';
import { scanTools } from './scan-tools.ts';

const open = sourceCache();
const tools = scanTools();
const port = parentPort!;

/** What a request that failed in this thread answers: the object, unreadable, with the reason. */
const failed = (file: string, error: unknown): WireScan => ({
  stored: 0,
  bytes: 0,
  marked: false,
  parsed: 0,
  items: [{ kind: 'unreadable', position: { file }, reason: `scan failed: ${(error as Error).message}` }],
});

port.on('message', async ({ id, descriptor, key, limits }: WorkerRequest) => {
  port.postMessage({ id, kind: 'started' } satisfies WorkerReply);
  let scan: WireScan;
  try {
    scan = toWire(await scanListed(await open(descriptor), key, tools, limits));
  } catch (error) {
    scan = failed(descriptor.kind === 's3' ? `s3://${descriptor.bucket}/${key}` : key, error);
  }
  port.postMessage({ id, kind: 'done', scan } satisfies WorkerReply);
});
