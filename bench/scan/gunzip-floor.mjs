// The practical floor of a scan: read and gunzip every file, parse nothing, on `workers` threads
// pulling from a shared list (as the scan's pool does). Plain JavaScript, so that its process start
// is Node's alone. Usage: node gunzip-floor.mjs WORKERS LIST-FILE [reuse|fresh] (one path per line).
//
// `reuse` (the default, the fair floor): each worker reads into one buffer and inflates into one
// buffer, both kept from file to file and grown when a file needs more, as the scan's workers do
// (scan/documents/reused-gunzip.ts); a fresh multi-MB buffer per file costs page faults on every
// write, as glibc maps each one anew. `fresh`: a buffer per file, read whole and gunzipped into one
// output sized by the gzip trailer's ISIZE (the scan before issue 16).
import { Buffer } from 'node:buffer';
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { constants, createGunzip, gunzipSync } from 'node:zlib';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

if (isMainThread) {
  const [count, listFile, mode = 'reuse'] = process.argv.slice(2);
  const files = readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
  let next = 0;
  let bytes = 0;
  await Promise.all(
    Array.from({ length: Number(count) }, async () => {
      const worker = new Worker(new URL(import.meta.url), { workerData: mode });
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
  console.log(JSON.stringify({ files: files.length, bytes, mode }));
} else if (workerData === 'fresh') {
  const gunzip = (raw) =>
    gunzipSync(raw, {
      chunkSize: Math.min(Math.max(raw.readUInt32LE(raw.length - 4) + 1, 65536), 268435456),
    });
  parentPort.on('message', (file) => parentPort.postMessage(gunzip(readFileSync(file)).length));
} else {
  let input = Buffer.allocUnsafe(1 << 20);
  let output = Buffer.allocUnsafe(8 << 20);
  const stream = createGunzip();
  stream.on('error', () => {});
  const read = (file) => {
    const fd = openSync(file, 'r');
    try {
      const size = fstatSync(fd).size;
      if (size > input.length) input = Buffer.allocUnsafe(size);
      let length = 0;
      while (length < size) {
        const got = readSync(fd, input, length, size - length, length);
        if (got === 0) break;
        length += got;
      }
      return input.subarray(0, length);
    } finally {
      closeSync(fd);
    }
  };
  // zlib's own streaming call (the handle Node's gunzipSync drives), into the kept buffer.
  const gunzip = (raw) => {
    const size = raw.readUInt32LE(raw.length - 4);
    if (size + 1 > output.length) output = Buffer.allocUnsafe(size + 1);
    stream.reset();
    stream._handle.writeSync(constants.Z_FINISH, raw, 0, raw.length, output, 0, output.length);
    if (stream.destroyed || stream._writeState[0] === 0) throw new Error('corrupt or oversized gzip');
    return output.length - stream._writeState[0];
  };
  parentPort.on('message', (file) => parentPort.postMessage(gunzip(read(file))));
}
