// A scan worker thread: reads, gunzips and prefilters the objects the pool (scan/workers/worker-pool.ts)
// hands it, and answers with their root-related records. Built to dist/cli/scan-worker.mjs.
import { parentPort } from 'node:worker_threads';
import { sourceCache } from '../adapters/archive-sources.ts';
import { scanListed } from '../scan/scan-listed.ts';
import { scanTools } from './scan-tools.ts';
import type { WorkerReply, WorkerRequest } from '../scan/workers/worker-messages.ts';

const open = sourceCache();
const tools = scanTools();
const port = parentPort!;

port.on('message', async ({ id, descriptor, key }: WorkerRequest) => {
  const reply: WorkerReply = { id, scan: await scanListed(await open(descriptor), key, tools) };
  port.postMessage(reply);
});
