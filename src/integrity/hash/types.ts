/**
 * The shapes of a model manifest (OMS v1.0 / sigstore model-transparency serialization) and the hashing
 * options and error. A manifest is plain data: resources in canonical order with their SHA-256 digests.
 */

/** How a model was serialized into resources: one resource per file, or one per shard of a file. */
export type SerializationMethod = "files" | "shards";

/** Default shard size of the reference implementation (`use_shard_serialization`): 10^9 bytes. */
export const DEFAULT_SHARD_SIZE = 1_000_000_000;

/**
 * Paths left out of every folder manifest unless `ignoreDefaults: false`: the git paths the reference
 * implementation ignores by default (`hashing.Config`, `ignore_git_paths=True`) and its default signature
 * file `model.sig` (the reference CLI adds the signature path to the ignored paths when signing).
 */
export const DEFAULT_IGNORE_PATHS = ["model.sig", ".git", ".gitattributes", ".github", ".gitignore"] as const;

export interface Serialization {
  method: SerializationMethod;
  hashType: "sha256";
  /** Bytes per shard; present for `shards` only. */
  shardSize?: number;
  allowSymlinks: boolean;
  /** The ignored paths, relative to the model folder, POSIX separators (defaults included). */
  ignorePaths: string[];
}

/** One resource: a file (`files`), or a shard `name:start:end` (`shards`). */
export interface Resource {
  /** Relative POSIX path (`.` for a model that is a single file); `path:start:end` for a shard. */
  name: string;
  /** Bytes covered: the file size, or `end - start` of the shard. */
  size: number;
  /** Lower-case hex SHA-256 of those bytes. */
  digest: string;
}

export interface Manifest {
  kind: "folder" | "file";
  /** The model's name as OMS records it in the statement subject: the last component of its path. */
  name: string;
  serialization: Serialization;
  /** In canonical order (see `compareResourceKeys`). */
  resources: Resource[];
  /** Lower-case hex SHA-256 over the concatenated raw 32-byte digests of `resources`, in order. */
  rootDigest: string;
}

export interface HashOptions {
  /** Hash shards of this many bytes (`shards` serialization). Omitted: one resource per file (`files`). */
  shardSize?: number;
  /** Follow symbolic links to files instead of refusing them. Linked folders are never descended into. */
  allowSymlinks?: boolean;
  /**
   * Extra paths to leave out, relative to the model folder (POSIX or native separators); an absolute path
   * inside the folder is taken relative to it, one outside is dropped. A folder leaves out all it holds.
   */
  ignorePaths?: string[];
  /** Leave out `DEFAULT_IGNORE_PATHS` (default true). */
  ignoreDefaults?: boolean;
  /** Called as bytes are hashed (throttled); `bytesTotal` is known before the first call. */
  onProgress?: (bytesDone: number, bytesTotal: number) => void;
  /** Worker threads; 0 hashes on the calling thread. Default: `os.availableParallelism()` for big jobs. */
  workers?: number;
  /** A folder with no file to hash yields an empty manifest instead of a `HashError` `empty`. */
  allowEmpty?: boolean;
}

export type HashErrorCode = "not-found" | "symlink" | "special-file" | "empty" | "bad-option" | "io";

/** A hashing failure meant for people: `code` says which, `path` names the file or folder concerned. */
export class HashError extends Error {
  constructor(
    readonly code: HashErrorCode,
    message: string,
    readonly path?: string,
  ) {
    super(message);
    this.name = "HashError";
  }
}
