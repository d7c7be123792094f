// The practical floor of a scan: read and gunzip every file, parse nothing, on `workers` threads
// pulling from a shared list (as the scan's pool does). Plain JavaScript, so that its process start
// is Node's alone. Usage: node gunzip-floor.mjs WORKERS LIST-FILE (one path per line).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

if (isMainThread) {
  const [count, listFile] = process.argv.slice(2);
  const files = readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
  let next = 0;
  let bytes = 0;
  await Promise.all(
    Array.from({ length: Number(count) }, async () => {
      const worker = new Worker(new URL(import.meta.url), { workerData: null });
      await new Promise((resolve) => {
        const feed = () =>
          next < files.length ? worker.postMessage(files[next++]) : resolve(worker.terminate());
        worker.on('message', (size) => {
          bytes += size;
          feed();
        });
        feed();
      });
    }),
  );
  console.log(JSON.stringify({ files: files.length, bytes }));
} else {
  void workerData;
  // Sized like the scan's gunzip (scan/documents/inflate.ts): one output buffer from the gzip trailer's
  // ISIZE, so that the floor is the fastest gunzip we know, not zlib's default 16 kB chunks.
  const gunzip = (raw) =>
    gunzipSync(raw, {
      chunkSize: Math.min(Math.max(raw.readUInt32LE(raw.length - 4) + 1, 65536), 268435456),
    });
  parentPort.on('message', (file) => parentPort.postMessage(gunzip(readFileSync(file)).length));
}
