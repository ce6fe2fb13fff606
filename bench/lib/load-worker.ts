/**
 * Child process for one timed load, so that its peak memory is its own:
 * `node --import tsx bench/lib/load-worker.ts --db LOCATION --file FILE --batch N --expected N`.
 * The load is `ftl ingest --trusted`'s path (`--workers N` planning threads; default as `ftl ingest`).
 * Prints one JSON line: the load figures, peak RSS, the store's stats, the times of `ingest` of the same file
 * twice more (no-ops: line by line, then skipped by its content hash), and per-document costs of the pure
 * phases (the store's planning: canonical JSON + sha256 + rows; `ftl ingest`'s schema check, which
 * addDocuments does not run), measured on a sample after the load.
 */
import { createReadStream, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import type { LineageDocument } from "../../src/schema/lineage.js";
import { openStore } from "../../src/store/index.js";
import { ingest } from "../../src/store/ingest.js";
import { planDocument } from "../../src/store/plan.js";
import { parseLineage } from "../../src/validate/validate.js";
import { ingestFile } from "./load.js";
import { peakRssMb } from "./memory.js";

const { values } = parseArgs({
  options: {
    db: { type: "string" },
    file: { type: "string" },
    batch: { type: "string", default: "2000" },
    expected: { type: "string", default: "0" },
    probe: { type: "string", default: "5000" },
    workers: { type: "string" },
  },
});
if (!values.db || !values.file) {
  console.error("usage: load-worker.ts --db LOCATION --file FILE [--batch N] [--expected N] [--probe N]");
  process.exit(2);
}

/** CPU seconds of this (the writer) thread so far, from /proc (Linux); undefined elsewhere. */
function threadCpuSeconds(): number | undefined {
  try {
    const stat = readFileSync("/proc/thread-self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

const cpuStart = process.cpuUsage();
const threadStart = threadCpuSeconds();
const store = await openStore(values.db);
// `ftl ingest --trusted`'s path: lines planned in worker threads, this thread writing; then optimize().
const { optimizeSeconds, ...load } = await ingestFile(store, values.file, {
  batchSize: Number(values.batch),
  expected: Number(values.expected),
  ...(values.workers !== undefined ? { workers: Number(values.workers) } : {}),
});
const peak = peakRssMb();
const cpu = process.cpuUsage(cpuStart);
const threadEnd = threadCpuSeconds();
/** The writer thread's share of cpuSeconds; the rest is the planning workers' and V8's helper threads'. */
const writerCpuSeconds =
  threadStart !== undefined && threadEnd !== undefined ? threadEnd - threadStart : undefined;
// The same file again through `ftl ingest`: every document is already stored, so it is a no-op. First
// under another default source (the lines name their own, so the documents are the same, but the load's
// ingest marker does not apply): every line is read, hashed and found stored; then as loaded, where the
// unchanged file is recognised by its content hash and skipped.
const timed = async (source?: string): Promise<{ seconds: number; added: number }> => {
  const t = performance.now();
  const summary = await ingest(store, [values.file as string], {
    batchSize: Number(values.batch),
    validation: "trusted",
    ...(source !== undefined ? { source } : {}),
  });
  return { seconds: (performance.now() - t) / 1000, added: summary.added };
};
const reread = await timed("bench:reread");
const reload = await timed();
const rereadSeconds = reread.seconds;
const reloadSeconds = reload.seconds;
/** CPU seconds of this process during load + optimize (user + system): wall time minus waiting and contention. */
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const stats = await store.stats();
await store.close();

// Per-document cost of pure phases, on the first documents of the file.
const sample: LineageDocument[] = [];
const lines = createInterface({ input: createReadStream(values.file), crlfDelay: Infinity });
for await (const line of lines) {
  if (sample.length >= Number(values.probe)) break;
  sample.push((JSON.parse(line) as { document: LineageDocument }).document);
}
lines.close();
let t = performance.now();
for (const doc of sample) planDocument(doc);
const planUs = ((performance.now() - t) * 1000) / Math.max(1, sample.length);
t = performance.now();
for (const doc of sample) parseLineage(doc);
const parseUs = ((performance.now() - t) * 1000) / Math.max(1, sample.length);

process.stdout.write(
  `${JSON.stringify({ load, optimizeSeconds, cpuSeconds, writerCpuSeconds, peakRssMb: peak, stats, planUs, parseUs, rereadSeconds, reloadSeconds, reloadAdded: reread.added + reload.added })}\n`,
);
