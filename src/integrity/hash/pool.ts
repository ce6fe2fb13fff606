/**
 * Hashes many byte ranges on a small pool of worker threads. Tasks are handed out largest first (so one big
 * file does not start last and leave the other threads idle), one at a time per worker; each worker owns one
 * 1 MiB buffer, so memory is bounded by the pool size, not by file sizes.
 */
import { Worker } from "node:worker_threads";
import type { RangeTask } from "./hash-range.js";
import { HashError } from "./types.js";
import { WORKER_SOURCE } from "./worker-source.js";

interface Reply {
  id: number;
  bytes: number;
  digest?: string;
  error?: string;
}

/** Hex digests of `tasks` (same order), computed on `threads` workers; `onBytes` gets progress. */
export async function hashRangesInPool(
  tasks: readonly RangeTask[],
  threads: number,
  onBytes: (n: number) => void,
): Promise<string[]> {
  const digests = new Array<string>(tasks.length);
  const order = tasks.map((_, i) => i).sort((a, b) => size(tasks[b]) - size(tasks[a]));
  const workers = Array.from(
    { length: Math.max(1, Math.min(threads, tasks.length)) },
    () => new Worker(WORKER_SOURCE, { eval: true }),
  );
  let next = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const give = () => {
              const id = order[next++];
              if (id === undefined) return resolve();
              worker.postMessage({ id, ...tasks[id] });
            };
            worker.on("message", (reply: Reply) => {
              onBytes(reply.bytes);
              if (reply.error !== undefined) {
                const file = tasks[reply.id]?.path;
                return reject(new HashError("io", reply.error, file));
              }
              if (reply.digest === undefined) return;
              digests[reply.id] = reply.digest;
              give();
            });
            worker.on("error", (error) => reject(new HashError("io", `hashing worker: ${error.message}`)));
            give();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return digests;
}

function size(task: RangeTask | undefined): number {
  return task === undefined ? 0 : task.end - task.start;
}
