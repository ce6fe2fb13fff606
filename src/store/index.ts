/** Opening a registry: SQLite for a file path (the default), PostgreSQL for a `postgres://` URL. */
import { resolveLocation } from "./location.js";
import type { Store } from "./store.js";

export interface OpenStoreOptions {
  /** Environment to read `FTL_DB` from (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  /** Directory relative paths are resolved against (default `process.cwd()`). */
  cwd?: string;
  /** Open without creating: a missing SQLite file is an error instead of a new registry. */
  mustExist?: boolean;
}

/**
 * Opens (and creates or migrates) a registry. `location` is a file path (SQLite), `postgres://…` (PostgreSQL,
 * optionally `?schema=NAME`), or undefined for `FTL_DB` or `./.ftl/registry.db`.
 *
 * @example
 * const store = await openStore("postgres://127.0.0.1/test?schema=ftl");
 * const { models } = await store.ancestors("HuggingFaceH4/zephyr-7b-beta");
 * await store.close();
 */
export async function openStore(location?: string, options: OpenStoreOptions = {}): Promise<Store> {
  const resolved = resolveLocation(location, options);
  if (resolved.kind === "postgres") {
    const { openPostgresStore } = await import("./postgres-store.js");
    return openPostgresStore(resolved);
  }
  const { openSqliteStore } = await import("./sqlite-store.js");
  return openSqliteStore(resolved.path, { mustExist: options.mustExist ?? false });
}

export { storeErrorOf } from "./driver-errors.js";
export { DEFAULT_DB_PATH, resolveLocation, type StoreLocation } from "./location.js";
export { canonicalJson, documentHash, relationOf } from "./plan.js";
export * from "./store.js";
