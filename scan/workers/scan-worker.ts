import { parentPort } from 'node:worker_threads';
import { sourceCache } from '../sources/open-source.ts';
import { scanListed } from '../scan-listed.ts';
import type { WorkerReply, WorkerRequest } from './worker-messages.ts';

const open = sourceCache();
const port = parentPort!;

port.on('message', async ({ id, descriptor, key }: WorkerRequest) => {
  const reply: WorkerReply = { id, scan: await scanListed(await open(descriptor), key) };
  port.postMessage(reply);
});
