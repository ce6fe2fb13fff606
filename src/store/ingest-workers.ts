/**
 * A small pool of worker threads that check, parse, validate and plan JSONL lines (ingest-worker.ts) while
 * the calling thread writes. Lines go out in chunks; results come back in the order the lines were read,
 * whatever worker finished first. At most `inFlight` chunks are out at a time, so memory stays bounded.
 */

import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { JsonlLine } from "../io/read-lines.js";
import type { LineEntry } from "./ingest-lines.js";
import type { ChunkRequest, ChunkResult } from "./ingest-worker.js";
import { decodeEntries } from "./plan-wire.js";

/** Lines per chunk sent to a worker. */
const CHUNK_LINES = 512;

/** Worker threads `ftl ingest` uses by default: one per core beyond the writer's, at most 3, at least 1. */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(3, availableParallelism() - 1));
}

/**
 * How to start the worker script beside this module: the built .js file directly; the .ts source (under tsx
 * or vitest) through a small bootstrap that registers tsx's loader in the worker first.
 */
function workerStart(): { script: string; eval: boolean } {
  const self = import.meta.url;
  if (!self.endsWith(".ts"))
    return { script: fileURLToPath(new URL("./ingest-worker.js", self)), eval: false };
  // tsx's ESM entry (its CommonJS one registers the loader relative to the wrong file inside a worker).
  const manifest = createRequire(self).resolve("tsx/package.json");
  const exports = (
    createRequire(self)(manifest) as { exports: Record<string, { import: { default: string } }> }
  ).exports;
  const api = pathToFileURL(join(dirname(manifest), exports["./esm/api"]?.import.default ?? "")).href;
  const worker = new URL("./ingest-worker.ts", self).href;
  const script = `import(${JSON.stringify(api)}).then((t) => { t.register(); return import(${JSON.stringify(worker)}); });`;
  return { script, eval: true };
}

interface Pending {
  resolve: (entries: LineEntry[]) => void;
  reject: (error: Error) => void;
}

export class PlanPool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, Pending>();
  private next = 0;
  private failed: Error | undefined;

  constructor(size: number) {
    const start = workerStart();
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(start.script, { eval: start.eval });
      worker.on("message", (result: ChunkResult) => {
        const pending = this.waiting.get(result.id);
        this.waiting.delete(result.id);
        pending?.resolve(decodeEntries(result.entries));
      });
      worker.on("error", (error) => this.fail(error));
      worker.on("exit", (code) => {
        if (code !== 0) this.fail(new Error(`ingest worker exited with code ${code}`));
      });
      return worker;
    });
  }

  private fail(error: Error): void {
    this.failed ??= error;
    for (const pending of this.waiting.values()) pending.reject(error);
    this.waiting.clear();
  }

  /** Sends one chunk of lines to the next worker; resolves with their entries, in line order. */
  plan(lines: readonly JsonlLine[], source: string, validation: "schema" | "trusted"): Promise<LineEntry[]> {
    if (this.failed) return Promise.reject(this.failed);
    let total = 0;
    for (const l of lines) if (l.bytes) total += l.bytes.length;
    const bytes = new Uint8Array(total);
    const ends = new Int32Array(lines.length);
    const numbers = new Int32Array(lines.length);
    let at = 0;
    lines.forEach((l, i) => {
      numbers[i] = l.line;
      if (l.bytes === undefined) ends[i] = -1;
      else {
        bytes.set(l.bytes, at);
        at += l.bytes.length;
        ends[i] = at;
      }
    });
    const id = this.next++;
    const worker = this.workers[id % this.workers.length] as Worker;
    const request: ChunkRequest = { id, bytes, ends, lines: numbers, source, validation };
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage(request, [bytes.buffer, ends.buffer, numbers.buffer]);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * The entries of a stream of JSONL lines, planned by the pool, in order; at most `inFlight` chunks are
 * being planned at a time.
 */
export async function* plannedLines(
  pool: PlanPool,
  lines: AsyncIterable<JsonlLine>,
  source: string,
  validation: "schema" | "trusted",
  inFlight = 8,
): AsyncGenerator<LineEntry> {
  const queue: Promise<LineEntry[]>[] = [];
  let chunk: JsonlLine[] = [];
  for await (const line of lines) {
    chunk.push(line);
    if (chunk.length < CHUNK_LINES) continue;
    const planned = pool.plan(chunk, source, validation);
    // Nothing rejects unobserved: a failure surfaces when its chunk is awaited below.
    planned.catch(() => undefined);
    queue.push(planned);
    chunk = [];
    while (queue.length >= inFlight) yield* (await queue.shift()) as LineEntry[];
  }
  if (chunk.length > 0) queue.push(pool.plan(chunk, source, validation));
  while (queue.length > 0) yield* (await queue.shift()) as LineEntry[];
}
