/**
 * Test support (not exported): turning a registry back into an older schema version, to test the upgrade.
 */
import Database from "better-sqlite3";
import pg from "pg";
import { PG_URL } from "./_test-stores.js";

/** Version 7 undone: the body back as the last column of `document`, `document_body` dropped. */
export const UNDO_V7 = [
  "ALTER TABLE document ADD COLUMN body TEXT NOT NULL DEFAULT ''",
  "UPDATE document SET body = (SELECT b.body FROM document_body b WHERE b.id = document.id)",
  "DROP TABLE document_body",
];

/** Version 8 undone: the step row's copies of its document and dataset names dropped. */
export const UNDO_V8 = [
  "ALTER TABLE step DROP COLUMN doc_hash",
  "ALTER TABLE step DROP COLUMN doc_source",
  "ALTER TABLE step DROP COLUMN dataset_names",
];

/** Runs `statements` on the registry at `location` (an SQLite file or a PostgreSQL URL with `?schema=`). */
export async function runOn(
  kind: "sqlite" | "postgres",
  location: string,
  statements: string[],
): Promise<void> {
  if (kind === "sqlite") {
    const db = new Database(location);
    for (const sql of statements) db.exec(sql);
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(`SET search_path TO "${new URL(location).searchParams.get("schema")}"`);
    for (const sql of statements) await client.query(sql);
  } finally {
    await client.end();
  }
}
