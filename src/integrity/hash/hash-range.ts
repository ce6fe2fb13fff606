/**
 * Hashes a byte range of a file on the calling thread, streaming through one fixed-size buffer, so memory
 * stays bounded whatever the file's size. Used for small jobs, where starting worker threads costs more
 * than it saves, and as the single-thread baseline of the benchmark.
 */
import { createHash } from "node:crypto";
import { open } from "node:fs/promises";
import { HashError } from "./types.js";

/** Bytes read at once: 1 MiB, as the reference implementation's `chunk_size`. */
export const CHUNK_SIZE = 1 << 20;

/** One unit of hashing work: bytes `[start, end)` of a file. */
export interface RangeTask {
  path: string;
  start: number;
  end: number;
}

/** Hex SHA-256 of `[start, end)` of `task.path`; `onBytes` gets each chunk's length as it is hashed. */
export async function hashRange(
  task: RangeTask,
  onBytes: (n: number) => void = () => {},
  buffer: Buffer = Buffer.allocUnsafe(CHUNK_SIZE),
): Promise<string> {
  const hash = createHash("sha256");
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(task.path, "r");
    let position = task.start;
    while (position < task.end) {
      const want = Math.min(buffer.length, task.end - position);
      const { bytesRead } = await handle.read(buffer, 0, want, position);
      if (bytesRead === 0) throw new HashError("io", `${task.path} shrank while it was hashed`, task.path);
      hash.update(bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead));
      position += bytesRead;
      onBytes(bytesRead);
    }
  } catch (error) {
    if (error instanceof HashError) throw error;
    throw new HashError("io", `${task.path}: ${(error as Error).message}`, task.path);
  } finally {
    await handle?.close();
  }
  return hash.digest("hex");
}
