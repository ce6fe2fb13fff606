/**
 * Driver errors (SQLite result codes, file-system errno codes) turned into `StoreError`s that name the
 * registry, so that a damaged, read-only or full registry is a clear message, never an internal error.
 */
import { StoreError } from "./store.js";

const DAMAGED = "the registry file is damaged";

/** A StoreError for a driver error about the registry at `location`, or undefined when it is not one. */
export function storeErrorOf(location: string, error: unknown): StoreError | undefined {
  if (error instanceof StoreError) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== "string") return undefined;
  const detail = error instanceof Error ? error.message : String(error);
  if (code === "SQLITE_NOTADB")
    return new StoreError(
      "not-a-registry",
      `${location}: not an SQLite database (and so not an ftl registry)`,
    );
  if (code.startsWith("SQLITE_CORRUPT"))
    return new StoreError(
      "damaged",
      `${location}: ${DAMAGED} (${detail}); restore it from a copy, or rebuild it with 'ftl ingest'`,
    );
  if (code.startsWith("SQLITE_READONLY") || code === "EROFS" || code === "EACCES" || code === "EPERM")
    return new StoreError(
      "read-only",
      `${location}: the registry cannot be written (${detail}); check the permissions of the file and its folder, or pass another --db`,
    );
  if (code.startsWith("SQLITE_CANTOPEN") || code.startsWith("SQLITE_IOERR") || code === "SQLITE_FULL")
    return new StoreError("cannot-open", `${location}: cannot use the registry (${detail})`);
  if (code === "SQLITE_BUSY" || code.startsWith("SQLITE_BUSY") || code === "SQLITE_LOCKED")
    return new StoreError(
      "cannot-open",
      `${location}: the registry is locked by another process (${detail}); try again`,
    );
  return undefined;
}
