/**
 * Hashing models the OMS v1.0 way (OpenSSF Model Signing; sigstore/model-transparency serialization).
 *
 * - `hashPath(path, options)` → `Manifest`: for a folder, every regular file below it under its relative
 *   POSIX name; for a single file, one resource named `.`. `DEFAULT_IGNORE_PATHS` (`model.sig`, `.git`,
 *   `.gitattributes`, `.github`, `.gitignore`, at the top of the folder) and `options.ignorePaths` are left
 *   out; symbolic links are refused unless `allowSymlinks`. Each resource carries its size and hex SHA-256;
 *   with `shardSize`, resources are shards named `name:start:end` (the last shard ends at the file size;
 *   an empty file has none). Resources are sorted as the reference sorts them (path components by code
 *   point, then start); `rootDigest` = SHA-256 of the concatenated raw digests — the digest OMS puts in the
 *   statement's subject.
 * - `listModelFiles(path, options)`: the files `hashPath` would hash, with sizes, unread.
 * - `rootDigest(resources)` recomputes a root digest from digests in order (e.g. from a signed payload).
 * - `compareResourceKeys` / `comparePaths` give that canonical order; `isIgnored` the ignore rule.
 * - Errors are `HashError`s with a `code` (`not-found`, `symlink`, `special-file`, `empty`, `bad-option`, `io`).
 *
 * Big jobs are hashed on `os.availableParallelism()` worker threads, largest task first, each streaming
 * through one 1 MiB buffer; small ones (< 32 MiB) and single ranges on the calling thread. Memory is
 * bounded either way.
 *
 * @example
 * import { hashPath } from "./integrity/hash/index.js";
 * const manifest = await hashPath("out/", { shardSize: 1_000_000_000 });
 * console.log(manifest.rootDigest, manifest.resources.length);
 */
export { hashPath, listModelFiles, normalizeIgnorePaths } from "./hash-path.js";
export { CHUNK_SIZE, hashRange, type RangeTask } from "./hash-range.js";
export { compareCodePoints, comparePaths, compareResourceKeys, type ResourceKey } from "./order.js";
export { rootDigest } from "./root-digest.js";
export {
  DEFAULT_IGNORE_PATHS,
  DEFAULT_SHARD_SIZE,
  HashError,
  type HashErrorCode,
  type HashOptions,
  type Manifest,
  type Resource,
  type Serialization,
  type SerializationMethod,
} from "./types.js";
export { isIgnored } from "./walk.js";
