/**
 * Bulk import: JSONL files (one ftl/v1 document per line, or `{"source": "...", "document": {...}}`), single
 * JSON/YAML documents, or a folder of them, added in batched transactions. Bad lines are reported and
 * skipped, never fatal; re-running an interrupted import skips what was committed (idempotent by content
 * hash and source) and ends in the same state as an uninterrupted run. A file read whole is noted in the
 * registry with its content hash: ingesting it again unchanged (same bytes, source and validation) skips it.
 */
import { createHash } from "node:crypto";
import { createReadStream, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileKind } from "../io/bounded-read.js";
import { readInput } from "../io/read-input.js";
import { lineReader } from "../io/read-lines.js";
import { planLine, toDocument } from "./ingest-lines.js";
import { defaultWorkers, PlanPool, plannedLines } from "./ingest-workers.js";
import { type PlannedInput, planDocument } from "./plan.js";
import type { Store } from "./store.js";

export { parseJsonlLine, toDocument } from "./ingest-lines.js";

/** File name endings read as JSON Lines; everything else (.json, .yaml, .yml) is one document per file. */
export const JSONL_EXTENSIONS = [".jsonl", ".ndjson"] as const;
const DOCUMENT_EXTENSIONS = [".json", ".yaml", ".yml"] as const;

export interface IngestProblem {
  file: string;
  /** 1-based line of a JSONL file; absent for single-document files. */
  line?: number;
  message: string;
}

export interface IngestProgress {
  bytesRead: number;
  totalBytes: number;
  added: number;
  duplicates: number;
  invalid: number;
}

export interface IngestOptions {
  /** Documents per transaction (default 1000). */
  batchSize?: number;
  /**
   * `schema` (default): every document is checked against the ftl/v1 schema and skipped if it fails.
   * `trusted`: only the shape the store needs is checked (for generated data, much faster).
   */
  validation?: "schema" | "trusted";
  /** Source for documents that do not name one (default: the file's path as given). */
  source?: string;
  /** Called after every committed batch. */
  onProgress?: (progress: IngestProgress) => void;
  /** Keep at most this many problems in the summary (all are counted; default 100). */
  maxProblems?: number;
  /**
   * Worker threads that parse, validate and plan the lines of large JSONL files while this thread writes
   * (default: one per core beyond this one, at most 3, for files of 4 MB or more; 0: everything in this
   * thread). The result is the same.
   */
  workers?: number;
}

export interface IngestSummary {
  files: number;
  /** Documents read (valid or not). */
  read: number;
  added: number;
  /** Already stored (same content, same source): skipped. */
  duplicates: number;
  /** Older documents of the same subject and source that became history. */
  superseded: number;
  /** Lines or files that were not valid documents: skipped. */
  invalid: number;
  batches: number;
  problems: IngestProblem[];
}

/** The files an argument stands for: itself, or every JSONL/JSON/YAML file under a folder (sorted). */
export function ingestFiles(path: string): string[] {
  const stats = statSync(path);
  if (!stats.isDirectory()) return [path];
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      if (entry.name.startsWith(".")) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if ([...JSONL_EXTENSIONS, ...DOCUMENT_EXTENSIONS].some((ext) => entry.name.endsWith(ext)))
        out.push(full);
    }
  };
  walk(path);
  return out;
}

/** sha256 of a file's bytes, streamed. */
async function fileDigest(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** What ingest notes about a file it read whole (the value of its ingest marker). */
interface FileMarker {
  sha256: string;
  read: number;
  invalid: number;
  problems: IngestProblem[];
}

type Entry = ({ planned: PlannedInput } | { message: string }) & { line?: number };

/** JSONL files smaller than this are planned in the calling thread (a worker takes a while to start). */
const WORKER_MIN_BYTES = 4 * 1024 * 1024;

/**
 * The entries of one file: each non-blank JSONL line, or its one document, planned as rows (by the worker
 * pool when one is given); a non-regular file is one problem. `progress.bytes` follows the bytes read of a
 * JSONL file.
 */
async function* fileEntries(
  file: string,
  source: string,
  validation: "schema" | "trusted",
  progress: { bytes: number },
  pool: (bytes: number) => PlanPool | undefined,
): AsyncGenerator<Entry> {
  const stats = statSync(file);
  const kind = fileKind(stats);
  if (kind !== undefined) {
    yield { message: `is ${kind}, not a regular file; skipped` };
    return;
  }
  if (JSONL_EXTENSIONS.some((ext) => file.endsWith(ext))) {
    const reader = lineReader(file);
    const lines = (async function* () {
      for await (const read of reader.lines()) {
        progress.bytes = reader.bytesRead;
        yield read;
      }
    })();
    const workers = pool(stats.size);
    if (workers !== undefined) {
      yield* plannedLines(workers, lines, source, validation);
      return;
    }
    for await (const read of lines) {
      const entry = planLine(read, source, validation);
      if (entry !== undefined) yield entry;
    }
    return;
  }
  const read = readInput(file);
  if (!read.ok) {
    yield { message: read.kind === "usage" ? read.message : (read.issues[0]?.message ?? "invalid") };
    return;
  }
  const doc = toDocument(read.value, validation);
  yield "message" in doc ? doc : { planned: { plan: planDocument(doc.document), source } };
}

/**
 * Imports files and folders into a store, `batchSize` documents per transaction.
 *
 * @example
 * const summary = await ingest(store, ["registry.jsonl"], { onProgress: (p) => console.log(p.added) });
 */
export async function ingest(
  store: Store,
  paths: readonly string[],
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const batchSize = Math.max(1, options.batchSize ?? 1000);
  const validation = options.validation ?? "schema";
  const maxProblems = options.maxProblems ?? 100;
  const files = paths.flatMap((p) => ingestFiles(p));
  const totalBytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const summary: IngestSummary = {
    files: files.length,
    read: 0,
    added: 0,
    duplicates: 0,
    superseded: 0,
    invalid: 0,
    batches: 0,
    problems: [],
  };
  let bytesDone = 0;
  let bytesInFile = 0;
  let batch: PlannedInput[] = [];
  const problem = (p: IngestProblem): void => {
    summary.invalid++;
    if (summary.problems.length < maxProblems) summary.problems.push(p);
  };
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const result = await store.addPlanned(batch, { bulk: true });
    batch = [];
    summary.batches++;
    summary.added += result.added;
    summary.duplicates += result.duplicates;
    summary.superseded += result.superseded;
    options.onProgress?.({
      bytesRead: bytesDone + bytesInFile,
      totalBytes,
      added: summary.added,
      duplicates: summary.duplicates,
      invalid: summary.invalid,
    });
  };
  const markers: [string, FileMarker][] = [];
  const workers = options.workers ?? defaultWorkers();
  let planPool: PlanPool | undefined;
  // Small files are planned here (a worker takes a while to start), unless workers were asked for.
  const pool = (bytes: number): PlanPool | undefined => {
    if (workers <= 0 || (options.workers === undefined && bytes < WORKER_MIN_BYTES)) return undefined;
    planPool ??= new PlanPool(workers);
    return planPool;
  };
  try {
    for (const file of files) {
      const stats = statSync(file);
      const source = options.source ?? file;
      const key = `${validation}:${stats.size}:${source}`;
      const noted = stats.isFile() ? await store.ingestMarker(key) : undefined;
      if (noted !== undefined) {
        const marker = JSON.parse(noted) as FileMarker;
        if (marker.sha256 === (await fileDigest(file))) {
          // Read whole into this registry before: every valid document is stored (documents are never deleted).
          summary.read += marker.read;
          summary.duplicates += marker.read - marker.invalid;
          for (const p of marker.problems) problem(p);
          summary.invalid += marker.invalid - marker.problems.length;
          bytesDone += stats.size;
          continue;
        }
      }
      const digest = stats.isFile() ? fileDigest(file) : undefined;
      const before = { read: summary.read, invalid: summary.invalid, problems: summary.problems.length };
      const progress = { bytes: 0 };
      for await (const entry of fileEntries(file, source, validation, progress, pool)) {
        summary.read++;
        if ("message" in entry)
          problem({
            file,
            ...(entry.line !== undefined ? { line: entry.line } : {}),
            message: entry.message,
          });
        else batch.push(entry.planned);
        if (batch.length >= batchSize) {
          bytesInFile = progress.bytes;
          await flush();
        }
      }
      if (digest !== undefined)
        markers.push([
          key,
          {
            sha256: await digest,
            read: summary.read - before.read,
            invalid: summary.invalid - before.invalid,
            problems: summary.problems.slice(before.problems),
          },
        ]);
      bytesInFile = 0;
      bytesDone += stats.size;
    }
    await flush();
  } finally {
    await planPool?.close();
  }
  // Only now is every document of these files committed.
  for (const [key, marker] of markers) await store.setIngestMarker(key, JSON.stringify(marker));
  if (summary.added > 0) await store.optimize();
  if (summary.batches === 0)
    options.onProgress?.({
      bytesRead: totalBytes,
      totalBytes,
      added: 0,
      duplicates: summary.duplicates,
      invalid: summary.invalid,
    });
  return summary;
}
