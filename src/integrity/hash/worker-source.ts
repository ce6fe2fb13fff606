/**
 * The hashing worker, as CommonJS source run with `new Worker(source, { eval: true })`. Kept as a string so
 * the same code runs from `src/` under tsx or vitest and from the compiled `dist/` (a worker file next to a
 * `.ts` module could not be loaded by plain Node). It hashes the byte ranges it is sent through one reused
 * 1 MiB buffer with synchronous reads (the worker has nothing else to do), reporting progress every 16 MiB.
 */
export const WORKER_SOURCE = `
"use strict";
const { parentPort } = require("node:worker_threads");
const { openSync, readSync, closeSync } = require("node:fs");
const { createHash } = require("node:crypto");
const CHUNK = 1 << 20;
const REPORT = 16 * CHUNK;
const buffer = Buffer.allocUnsafe(CHUNK);
parentPort.on("message", (task) => {
  let fd;
  try {
    fd = openSync(task.path, "r");
    const hash = createHash("sha256");
    let position = task.start;
    let unreported = 0;
    while (position < task.end) {
      const n = readSync(fd, buffer, 0, Math.min(CHUNK, task.end - position), position);
      if (n === 0) throw Object.assign(new Error(task.path + " shrank while it was hashed"), { shrank: true });
      hash.update(n === CHUNK ? buffer : buffer.subarray(0, n));
      position += n;
      unreported += n;
      if (unreported >= REPORT) {
        parentPort.postMessage({ id: task.id, bytes: unreported });
        unreported = 0;
      }
    }
    parentPort.postMessage({ id: task.id, bytes: unreported, digest: hash.digest("hex") });
  } catch (error) {
    parentPort.postMessage({ id: task.id, bytes: 0, error: String((error && error.message) || error) });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
});
`;
