/**
 * The body of an ingest worker thread (ingest-workers.ts): for each chunk of JSONL lines it receives, it
 * checks, parses, validates and plans every line (the pure work of `ftl ingest`) and sends back, in line
 * order, each line's plan or the reason it was skipped. The writer thread only writes.
 */
import { parentPort } from "node:worker_threads";
import { type LineEntry, planLine } from "./ingest-lines.js";
import { encodeEntries, type WireEntries } from "./plan-wire.js";

export interface ChunkRequest {
  id: number;
  /** The chunk's lines, concatenated. */
  bytes: Uint8Array;
  /** End offset of each line in `bytes`, or -1 for a line over the size limit (no bytes). */
  ends: Int32Array;
  /** 1-based line number of each line. */
  lines: Int32Array;
  source: string;
  validation: "schema" | "trusted";
}

export interface ChunkResult {
  id: number;
  /** The chunk's entries, flattened (plan-wire.ts: much cheaper to clone than the plans' objects). */
  entries: WireEntries;
}

parentPort?.on("message", (request: ChunkRequest) => {
  const entries: LineEntry[] = [];
  const bytes = Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength);
  let start = 0;
  for (let i = 0; i < request.ends.length; i++) {
    const end = request.ends[i] as number;
    const line = request.lines[i] as number;
    const read = end < 0 ? ({ line, tooLong: true } as const) : { line, bytes: bytes.subarray(start, end) };
    if (end >= 0) start = end;
    const entry = planLine(read, request.source, request.validation);
    if (entry !== undefined) entries.push(entry);
  }
  parentPort?.postMessage({ id: request.id, entries: encodeEntries(entries) } satisfies ChunkResult);
});
