/** Opening an SQLite registry file: refusing what is not one, tuning, migrating. */
import { existsSync, mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { COUNTS_VERSION, RECOUNT_STATEMENTS } from "./closure.js";
import { storeErrorOf } from "./driver-errors.js";
import { newerSchemaMessage, SCHEMA_VERSION, SQLITE_MIGRATIONS } from "./migrations.js";
import { StoreError } from "./store.js";

type Db = Database.Database;

/** Refuses a database that is not a registry before anything (even the journal mode) is written to it. */
export function checkIsRegistry(db: Db, path: string): void {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
    .all()
    .map((r) => (r as { name: string }).name);
  if (tables.length > 0 && !tables.includes("ftl_meta"))
    throw new StoreError(
      "not-a-registry",
      `${path}: an SQLite database, but not an ftl registry (no ftl_meta table); pass another --db`,
    );
}

/** How long a new registry's switch to WAL waits for another process that holds the file (as busy_timeout). */
const WAL_WAIT_MS = 60_000;

/**
 * Switches the file to WAL. On a new file another process may be opening at the same moment (two `ftl ingest` runs
 * into one new registry), and SQLite answers the switch with SQLITE_BUSY at once, without its busy handler (5 of 40
 * simultaneous opens of a new file failed so): the switch is retried until the other process lets go.
 */
function toWal(db: Db): void {
  const until = Date.now() + WAL_WAIT_MS;
  for (let wait = 5; ; wait = Math.min(wait * 2, 200)) {
    try {
      db.pragma("journal_mode = WAL");
      return;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code !== "SQLITE_BUSY" || Date.now() >= until) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
    }
  }
}

export function tune(db: Db): void {
  // For a new file only (WAL fixes the page size): 16 KB pages mean fewer, larger writes per commit and
  // checkpoint; a bulk load takes about 10% less CPU than with 4 KB pages.
  db.pragma("page_size = 16384");
  toWal(db);
  db.pragma("synchronous = NORMAL");
  db.pragma("cache_size = -262144");
  db.pragma("temp_store = MEMORY");
  db.pragma("mmap_size = 268435456");
  // Fewer, larger checkpoints: index pages changed by many batches are copied to the file once.
  db.pragma("wal_autocheckpoint = 10000");
}

function hasRegistryTables(db: Db): boolean {
  return (
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'document'").get() !== undefined
  );
}

export function migrate(db: Db, path: string): number {
  const run = db.transaction(() => {
    db.exec("CREATE TABLE IF NOT EXISTS ftl_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    const row = db.prepare("SELECT value FROM ftl_meta WHERE key = 'schema_version'").get() as
      | { value: string }
      | undefined;
    const found = row === undefined ? 0 : Number(row.value);
    if (found > SCHEMA_VERSION) throw new StoreError("newer-schema", newerSchemaMessage(path, found));
    if (!Number.isInteger(found) || (found === 0 && hasRegistryTables(db)))
      throw new StoreError(
        "damaged",
        `${path}: an ftl registry without a valid schema version (ftl_meta 'schema_version' is ${row === undefined ? "missing" : JSON.stringify(row.value)}); the file is damaged: restore it from a copy, or rebuild it with 'ftl ingest'`,
      );
    for (const migration of SQLITE_MIGRATIONS) {
      if (migration.version <= found) continue;
      for (const statement of migration.statements) db.exec(statement);
      db.prepare(
        "INSERT INTO ftl_meta (key, value) VALUES ('schema_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      ).run(String(migration.version));
    }
    // Counts kept before the per-bit rows existed (closure.ts) are recounted once.
    const counts = db.prepare("SELECT value FROM ftl_meta WHERE key = 'tree_count_version'").get() as
      | { value: string }
      | undefined;
    if (counts?.value !== COUNTS_VERSION) for (const sql of RECOUNT_STATEMENTS) db.exec(sql);
    return Math.max(found, SCHEMA_VERSION);
  });
  return run.immediate();
}

export function openDatabase(path: string, mustExist: boolean): Db {
  if (mustExist && !existsSync(path))
    throw new StoreError(
      "cannot-open",
      `${path}: no registry here; add documents with 'ftl add' or 'ftl ingest', or pass --db`,
    );
  const stats = existsSync(path) ? statSync(path) : undefined;
  if (stats !== undefined && !stats.isFile())
    throw new StoreError("not-a-registry", `${path}: not a regular file (and so not an ftl registry)`);
  // An empty file is a valid (empty) SQLite database: only a command that may create a registry makes one.
  if (mustExist && stats?.size === 0)
    throw new StoreError(
      "not-a-registry",
      `${path}: an empty file, not an ftl registry; add documents with 'ftl add' or 'ftl ingest' to create one`,
    );
  try {
    if (!mustExist) mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path, { fileMustExist: mustExist });
    // Another process's write (a batch, the end of a bulk load) is waited for, up to a minute: on a loaded
    // 2-core machine two `ftl ingest` runs into one new file waited more than 10 s once (CI, stop 27).
    db.pragma("busy_timeout = 60000");
    // PostgreSQL's bit_or aggregate, used by the closure's walks (closure.ts); masks fit in 31 bits.
    db.aggregate("bit_or", { start: 0, step: (acc: number, value: number) => acc | value });
    return db;
  } catch (error) {
    throw (
      storeErrorOf(path, error) ??
      new StoreError(
        "cannot-open",
        `${path}: cannot open the registry (${error instanceof Error ? error.message : String(error)})`,
      )
    );
  }
}
