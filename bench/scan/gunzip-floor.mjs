// The practical floor of a scan: read and gunzip every file, parse nothing, on `workers` threads
// pulling from a shared list (as the scan's pool does). Plain JavaScript, so that its process start
// is Node's alone. Usage: node gunzip-floor.mjs WORKERS LIST-FILE|FOLDER [reuse|fresh] (one path per line).
//
// Given a FOLDER instead of a list, the main thread finds the files itself, as a scan must: it walks
// the folder (readdir with file types, sorted, depth first, `.gz` files) and hands each file to a
// worker as it is found (the floor that lists; the gunzip-only floor is handed its list).
//
// `reuse` (the default, the fair floor): each worker reads into one buffer and inflates into one
// buffer, both kept from file to file and grown when a file needs more, as the scan's workers do
// (scan/documents/reused-gunzip.ts); a fresh multi-MB buffer per file costs page faults on every
// write, as glibc maps each one anew. `fresh`: a buffer per file, read whole and gunzipped into one
// output sized by the gzip trailer's ISIZE (the scan before issue 16).
import { Buffer } from 'node:buffer';
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { constants, createGunzip, gunzipSync } from 'node:zlib';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

if (isMainThread) {
  const [count, listOrFolder, mode = 'reuse'] = process.argv.slice(2);
  // Depth first and sorted, one folder listed at a time, as the scan's walk lists them.
  function* walk(folder) {
    const entries = readdirSync(folder, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) yield* walk(path);
      else if (entry.name.endsWith('.gz')) yield path;
    }
  }
  const files = statSync(listOrFolder).isDirectory()
    ? walk(listOrFolder)
    : readFileSync(listOrFolder, 'utf8').split('\n').filter(Boolean)[Symbol.iterator]();
  let listed = 0;
  let bytes = 0;
  await Promise.all(
    Array.from({ length: Number(count) }, async () => {
      const worker = new Worker(new URL(import.meta.url), { workerData: mode });
      await new Promise((resolve) => {
        const feed = () => {
          const next = files.next();
          if (next.done) resolve(worker.terminate());
          else {
            listed += 1;
            worker.postMessage(next.value);
          }
        };
        worker.on('message', (size) => {
          bytes += size;
          feed();
        });
        feed();
      });
    }),
  );
  console.log(JSON.stringify({ files: listed, bytes, mode }));
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
