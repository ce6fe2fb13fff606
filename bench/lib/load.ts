/**
 * Loads a generated JSONL registry into a Store through `addDocuments`, in batches, timing the two phases
 * separately: reading + JSON parsing, and the store's own work. Per-decile rates show whether the load slows
 * down as the database grows.
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { AddInput, Store } from "../../src/store/index.js";
import { ingest } from "../../src/store/ingest.js";

export interface LoadFigures {
  documents: number;
  added: number;
  duplicates: number;
  seconds: number;
  /** Reading lines and JSON.parse. */
  readSeconds: number;
  /** Inside `store.addDocuments`. */
  addSeconds: number;
  /** Documents per second over the whole load. */
  rate: number;
  /** Documents per second inside addDocuments, per tenth of the load (first to last). */
  addRateByDecile: number[];
  batches: number;
  batchSize: number;
  slowestBatchMs: number;
}

/**
 * Streams `file` into `store` in batches of `batchSize` documents (one transaction each).
 *
 * @example
 * const figures = await loadFile(store, "bench/out/registry-50000-seed1.jsonl", { batchSize: 2000, expected: 45466 });
 */
export async function loadFile(
  store: Store,
  file: string,
  options: { batchSize: number; expected: number; onProgress?: (documents: number) => void },
): Promise<LoadFigures> {
  const started = performance.now();
  let addMs = 0;
  let documents = 0;
  let added = 0;
  let duplicates = 0;
  let batches = 0;
  let slowest = 0;
  const decileMs = new Array<number>(10).fill(0);
  const decileDocs = new Array<number>(10).fill(0);
  let batch: AddInput[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const t = performance.now();
    const summary = await store.addDocuments(batch);
    const ms = performance.now() - t;
    addMs += ms;
    slowest = Math.max(slowest, ms);
    const decile = Math.min(9, Math.floor((documents / Math.max(1, options.expected)) * 10));
    decileMs[decile] = (decileMs[decile] ?? 0) + ms;
    decileDocs[decile] = (decileDocs[decile] ?? 0) + batch.length;
    added += summary.added;
    duplicates += summary.duplicates;
    batches++;
    batch = [];
    options.onProgress?.(documents);
  };
  const lines = createInterface({
    input: createReadStream(file, { highWaterMark: 1 << 20 }),
    crlfDelay: Infinity,
  });
  for await (const line of lines) {
    if (line.length === 0) continue;
    batch.push(JSON.parse(line) as AddInput);
    documents++;
    if (batch.length >= options.batchSize) await flush();
  }
  await flush();
  const seconds = (performance.now() - started) / 1000;
  return {
    documents,
    added,
    duplicates,
    seconds,
    readSeconds: seconds - addMs / 1000,
    addSeconds: addMs / 1000,
    rate: documents / seconds,
    addRateByDecile: decileMs.map((ms, i) => (ms > 0 ? ((decileDocs[i] ?? 0) / ms) * 1000 : Number.NaN)),
    batches,
    batchSize: options.batchSize,
    slowestBatchMs: slowest,
  };
}

/**
 * Loads `file` the way `ftl ingest --trusted` does (lines parsed, checked and planned in worker threads, the
 * calling thread writing), timing the store's `addPlanned` calls: `readSeconds` is then the time the writer
 * waited for planned lines. Leaves the file's ingest marker, as `ftl ingest` does, and calls `optimize()`
 * (not timed here).
 *
 * @example
 * const figures = await ingestFile(store, "bench/out/registry-50000-seed1.jsonl", { batchSize: 2000, expected: 45466, workers: 1 });
 */
export async function ingestFile(
  store: Store,
  file: string,
  options: { batchSize: number; expected: number; workers?: number },
): Promise<LoadFigures & { workers: number | undefined; optimizeSeconds: number }> {
  const started = performance.now();
  let addMs = 0;
  let documents = 0;
  let batches = 0;
  let slowest = 0;
  let optimizeMs = 0;
  const decileMs = new Array<number>(10).fill(0);
  const decileDocs = new Array<number>(10).fill(0);
  const addPlanned: Store["addPlanned"] = async (batch, addOptions) => {
    const t = performance.now();
    const summary = await store.addPlanned(batch, addOptions);
    const ms = performance.now() - t;
    addMs += ms;
    slowest = Math.max(slowest, ms);
    const decile = Math.min(9, Math.floor((documents / Math.max(1, options.expected)) * 10));
    decileMs[decile] = (decileMs[decile] ?? 0) + ms;
    decileDocs[decile] = (decileDocs[decile] ?? 0) + batch.length;
    documents += batch.length;
    batches++;
    return summary;
  };
  const optimize = async (): Promise<void> => {
    const t = performance.now();
    await store.optimize();
    optimizeMs += performance.now() - t;
  };
  // The store itself, with these two calls timed.
  const timed = new Proxy(store, {
    get(target, property) {
      if (property === "addPlanned") return addPlanned;
      if (property === "optimize") return optimize;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  const summary = await ingest(timed, [file], {
    batchSize: options.batchSize,
    validation: "trusted",
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
  });
  const seconds = (performance.now() - started - optimizeMs) / 1000;
  return {
    documents: summary.read,
    added: summary.added,
    duplicates: summary.duplicates,
    seconds,
    readSeconds: seconds - addMs / 1000,
    addSeconds: addMs / 1000,
    rate: summary.read / seconds,
    addRateByDecile: decileMs.map((ms, i) => (ms > 0 ? ((decileDocs[i] ?? 0) / ms) * 1000 : Number.NaN)),
    batches,
    batchSize: options.batchSize,
    slowestBatchMs: slowest,
    workers: options.workers,
    optimizeSeconds: optimizeMs / 1000,
  };
}
