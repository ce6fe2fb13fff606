/**
 * Streams a generated registry to a JSONL file (or any writable) with backpressure, and writes a manifest
 * beside it: the summary, and deterministic samples of model ids, dataset ids and model pairs for queries.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { Writable } from "node:stream";
import { createRegistryGenerator, type RegistrySamples, type RegistrySummary } from "./registry-generator.js";

export interface Manifest {
  models: number;
  seed: number;
  file: string;
  bytes: number;
  seconds: number;
  summary: RegistrySummary;
  samples: RegistrySamples;
}

export interface WriteRegistryParams {
  models: number;
  seed: number;
  /** Output stream; the caller ends it. */
  output: Writable;
  /** Called every `progressEvery` documents with the number of models created so far. */
  onProgress?: (documents: number) => void;
  /** How many samples of each kind the manifest gets (default 2000). */
  sampleCount?: number;
}

const CHUNK_BYTES = 1 << 20;

/**
 * Writes one JSON line per document, in chunks of about 1 MiB, awaiting `drain` whenever the stream's buffer
 * is full, so memory stays flat whatever the size.
 */
export async function writeRegistry(
  params: WriteRegistryParams,
): Promise<{ bytes: number; seconds: number; summary: RegistrySummary; samples: RegistrySamples }> {
  const started = performance.now();
  const generator = createRegistryGenerator({ models: params.models, seed: params.seed });
  let chunk: string[] = [];
  let chunkBytes = 0;
  let bytes = 0;
  let documents = 0;
  const flush = async (): Promise<void> => {
    if (chunk.length === 0) return;
    const text = chunk.join("");
    chunk = [];
    chunkBytes = 0;
    bytes += Buffer.byteLength(text);
    if (!params.output.write(text)) await once(params.output, "drain");
  };
  for (const record of generator.records()) {
    const line = `${JSON.stringify(record)}\n`;
    chunk.push(line);
    chunkBytes += line.length;
    documents++;
    if (chunkBytes >= CHUNK_BYTES) {
      await flush();
      params.onProgress?.(documents);
    }
  }
  await flush();
  params.onProgress?.(documents);
  const summary = generator.summary();
  const samples = generator.samples(params.sampleCount ?? 2000);
  return { bytes, seconds: (performance.now() - started) / 1000, summary, samples };
}

/** The default output path: `bench/out/registry-<models>-seed<seed>.jsonl`. */
export function defaultRegistryPath(root: string, models: number, seed: number): string {
  return `${root}/bench/out/registry-${models}-seed${seed}.jsonl`;
}

/** The manifest path of a registry file. */
export const manifestPath = (file: string): string => `${file.replace(/\.jsonl$/, "")}.manifest.json`;

/**
 * Generates a registry file and its manifest atomically (written under a temporary name, then renamed), so a
 * file that exists is always complete.
 */
export async function generateRegistryFile(params: {
  models: number;
  seed: number;
  file: string;
  onProgress?: (documents: number) => void;
}): Promise<Manifest> {
  await mkdir(dirname(params.file), { recursive: true });
  const temporary = `${params.file}.partial-${process.pid}`;
  const output = createWriteStream(temporary);
  const result = await writeRegistry({
    models: params.models,
    seed: params.seed,
    output,
    ...(params.onProgress ? { onProgress: params.onProgress } : {}),
  });
  output.end();
  await once(output, "finish");
  const manifest: Manifest = { models: params.models, seed: params.seed, file: params.file, ...result };
  await writeFile(manifestPath(params.file), `${JSON.stringify(manifest, null, 1)}\n`);
  await rename(temporary, params.file);
  return manifest;
}
