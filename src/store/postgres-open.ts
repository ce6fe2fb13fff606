/**
 * Opening a PostgreSQL registry (postgres-store.ts): connection errors by kind, migrations under an advisory
 * lock, and finishing a bulk load that a kill -9 interrupted.
 */
import type pg from "pg";
import { COUNTS_VERSION, RECOUNT_STATEMENTS } from "./closure.js";
import type { StoreLocation } from "./location.js";
import { newerSchemaMessage, POSTGRES_MIGRATIONS, SCHEMA_VERSION } from "./migrations.js";
import { finishPgBulk } from "./postgres-bulk.js";
import { StoreError } from "./store.js";

type Location = Extract<StoreLocation, { kind: "postgres" }>;

export function connectionError(location: Location, error: unknown): StoreError {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === "3D000" || code === "28000" || code === "28P01")
    return new StoreError("cannot-open", `${location.display}: ${message}`);
  return new StoreError(
    "unreachable",
    `${location.display}: cannot connect to PostgreSQL (${code ?? message}); is the server running?`,
  );
}

export async function migrate(client: pg.PoolClient, location: Location): Promise<number> {
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('ftl-migrate:' || current_schema()))");
    const tables = await client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()",
    );
    const names = tables.rows.map((r) => r.name);
    if (names.length > 0 && !names.includes("ftl_meta"))
      throw new StoreError(
        "not-a-registry",
        `${location.display}: the schema has tables but is not an ftl registry (no ftl_meta); use ?schema=NAME`,
      );
    await client.query("CREATE TABLE IF NOT EXISTS ftl_meta (key text PRIMARY KEY, value text NOT NULL)");
    const row = await client.query<{ value: string }>(
      "SELECT value FROM ftl_meta WHERE key = 'schema_version'",
    );
    const found = row.rows[0] === undefined ? 0 : Number(row.rows[0].value);
    if (found > SCHEMA_VERSION)
      throw new StoreError("newer-schema", newerSchemaMessage(location.display, found));
    for (const migration of POSTGRES_MIGRATIONS) {
      if (migration.version <= found) continue;
      for (const statement of migration.statements) await client.query(statement);
      await client.query(
        "INSERT INTO ftl_meta (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [String(migration.version)],
      );
    }
    // Counts kept before the per-bit rows existed (closure.ts) are recounted once.
    const counts = await client.query<{ value: string }>(
      "SELECT value FROM ftl_meta WHERE key = 'tree_count_version'",
    );
    if (counts.rows[0]?.value !== COUNTS_VERSION)
      for (const sql of RECOUNT_STATEMENTS) await client.query(sql);
    await client.query("COMMIT");
    return Math.max(found, SCHEMA_VERSION);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

/** Finishes a pending bulk load in a transaction of its own, under the write lock. */
export async function finishPending(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtext('ftl-write:' || current_schema()))");
    await finishPgBulk(client);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
