import { parentPort } from 'node:worker_threads';
import { openSource, sourceId } from '../sources/open-source.ts';
import type { ObjectSource } from '../sources/object-source.ts';
import { scanListed } from '../scan-listed.ts';
import type { WorkerReply, WorkerRequest } from './worker-messages.ts';

const sources = new Map<string, ObjectSource>();
const port = parentPort!;

port.on('message', async ({ id, descriptor, key }: WorkerRequest) => {
  const sourceKey = sourceId(descriptor);
  const source = sources.get(sourceKey) ?? openSource(descriptor);
  sources.set(sourceKey, source);
  const reply: WorkerReply = { id, scan: await scanListed(source, key) };
  port.postMessage(reply);
});
