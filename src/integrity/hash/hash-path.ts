/**
 * `hashPath`: the OMS v1.0 manifest of a model folder or file, hashed in parallel with bounded memory.
 */
import { availableParallelism } from "node:os";
import path from "node:path";
import { CHUNK_SIZE, hashRange, type RangeTask } from "./hash-range.js";
import { compareResourceKeys, type ResourceKey } from "./order.js";
import { hashRangesInPool } from "./pool.js";
import { rootDigest } from "./root-digest.js";
import {
  DEFAULT_IGNORE_PATHS,
  HashError,
  type HashOptions,
  type Manifest,
  type Resource,
  type Serialization,
} from "./types.js";
import { type ModelFile, walkModel } from "./walk.js";

/** Below this many bytes, hashing stays on the calling thread (starting workers costs ~20 ms each). */
const POOL_THRESHOLD = 32 * CHUNK_SIZE;

/** Relative POSIX forms of the ignored paths, defaults last, without duplicates or paths outside `root`. */
export function normalizeIgnorePaths(root: string, options: HashOptions): string[] {
  const given = (options.ignorePaths ?? []).flatMap((p) => {
    const rel = path.isAbsolute(p) ? path.relative(root, p) : path.normalize(p);
    let posix = rel.split(path.sep).join("/");
    while (posix.endsWith("/")) posix = posix.slice(0, -1);
    return posix === ".." || posix.startsWith("../") || posix === "" ? [] : [posix];
  });
  const all = [...given, ...(options.ignoreDefaults === false ? [] : DEFAULT_IGNORE_PATHS)];
  return [...new Set(all)];
}

function checkShardSize(shardSize: number | undefined): void {
  if (shardSize !== undefined && !(Number.isSafeInteger(shardSize) && shardSize > 0))
    throw new HashError(
      "bad-option",
      `shard size must be a positive whole number of bytes, got ${shardSize}`,
    );
}

/** One resource to hash: its file's relative name and absolute path, and the byte range. */
interface Planned extends RangeTask {
  name: string;
}

/** The resources to hash: one per file, or one per shard (`_endpoints`: the last shard ends at the size). */
function plan(files: readonly ModelFile[], shardSize: number | undefined): Planned[] {
  const planned: Planned[] = [];
  for (const f of files) {
    if (shardSize === undefined) planned.push({ name: f.name, path: f.absolute, start: 0, end: f.size });
    // The reference records no shard for an empty file.
    else
      for (let start = 0; start < f.size; start += shardSize)
        planned.push({ name: f.name, path: f.absolute, start, end: Math.min(start + shardSize, f.size) });
  }
  return planned;
}

/** Digests of `tasks`, in their order: on worker threads for big jobs, else on this thread. */
async function hashAll(tasks: readonly Planned[], options: HashOptions): Promise<string[]> {
  const total = tasks.reduce((sum, t) => sum + (t.end - t.start), 0);
  let done = 0;
  let reported = -1;
  const report = options.onProgress;
  const onBytes = (n: number) => {
    done += n;
    // Throttled to whole MiB steps and the end, so a callback per chunk never slows hashing down.
    if (report !== undefined && (done === total || done - reported >= CHUNK_SIZE)) {
      reported = done;
      report(done, total);
    }
  };
  report?.(0, total);
  // One task gains nothing from a worker: SHA-256 of one range is one sequential stream.
  const threads =
    options.workers ?? (total >= POOL_THRESHOLD && tasks.length > 1 ? availableParallelism() : 0);
  if (threads > 0 && tasks.length > 0) return hashRangesInPool(tasks, threads, onBytes);
  const buffer = Buffer.allocUnsafe(CHUNK_SIZE);
  const digests: string[] = [];
  for (const t of tasks) digests.push(await hashRange(t, onBytes, buffer));
  return digests;
}

function key(p: Planned, sharded: boolean): ResourceKey {
  return sharded ? { path: p.name, start: p.start, end: p.end } : { path: p.name };
}

/**
 * The files `hashPath` would hash (same ignores, same symlink rule), with their sizes, without reading them.
 *
 * @throws HashError `not-found`, `symlink`, `special-file`, `io`.
 */
export async function listModelFiles(
  target: string,
  options: Pick<HashOptions, "allowSymlinks" | "ignorePaths" | "ignoreDefaults"> = {},
): Promise<{ kind: "folder" | "file"; files: { name: string; size: number }[] }> {
  const root = path.resolve(target);
  const walked = await walkModel(root, normalizeIgnorePaths(root, options), options.allowSymlinks === true);
  return { kind: walked.kind, files: walked.files.map(({ name, size }) => ({ name, size })) };
}

/**
 * Hashes a model folder or a single-file model into its OMS v1.0 manifest and root digest.
 *
 * Folder: every regular file below it, named by its relative POSIX path; `DEFAULT_IGNORE_PATHS` and
 * `ignorePaths` left out; a symbolic link is a `HashError` (`symlink`) unless `allowSymlinks`. A single
 * file: one resource named `.` (`.:start:end` per shard). Resources are in the reference's order (see
 * `compareResourceKeys`); `rootDigest` is the SHA-256 of their raw digests, the OMS statement's subject digest.
 *
 * @throws HashError `not-found`, `symlink`, `special-file`, `empty` (no file left to hash), `bad-option`, `io`.
 * @example
 * const m = await hashPath("out/checkpoint-500", { onProgress: (done, total) => bar.update(done) });
 * m.rootDigest; // "92745110b1ab…"
 */
export async function hashPath(target: string, options: HashOptions = {}): Promise<Manifest> {
  checkShardSize(options.shardSize);
  if (options.workers !== undefined && !(Number.isSafeInteger(options.workers) && options.workers >= 0))
    throw new HashError("bad-option", `workers must be a whole number ≥ 0, got ${options.workers}`);
  const root = path.resolve(target);
  const ignorePaths = normalizeIgnorePaths(root, options);
  const allowSymlinks = options.allowSymlinks === true;
  const walked = await walkModel(root, ignorePaths, allowSymlinks);
  if (walked.files.length === 0 && options.allowEmpty !== true)
    throw new HashError(
      "empty",
      `${root}: no file to hash (the folder is empty or every file is ignored)`,
      root,
    );
  const sharded = options.shardSize !== undefined;
  const planned = plan(walked.files, options.shardSize);
  const digests = await hashAll(planned, options);
  const resources = planned
    .map((p, i) => ({ p, digest: digests[i] as string }))
    .sort((a, b) => compareResourceKeys(key(a.p, sharded), key(b.p, sharded)))
    .map(
      ({ p, digest }): Resource => ({
        name: sharded ? `${p.name}:${p.start}:${p.end}` : p.name,
        size: p.end - p.start,
        digest,
      }),
    );
  const serialization: Serialization = {
    method: sharded ? "shards" : "files",
    hashType: "sha256",
    ...(sharded ? { shardSize: options.shardSize } : {}),
    allowSymlinks,
    ignorePaths,
  };
  return {
    kind: walked.kind,
    name: path.basename(root),
    serialization,
    resources,
    rootDigest: rootDigest(resources),
  };
}
