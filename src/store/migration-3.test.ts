/**
 * Upgrading a version 2 registry: the closure, the counts and the edge bits are computed from its edges, and
 * its answers are those of a registry written at the current version. The version 2 registry is built by
 * the version 1–2 migrations and filled with the rows of a current one (without what version 3 added).
 */
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { countsOf, referenceClosure, sortedEntries, storedClosure, storedCounts } from "./_reference.js";
import { executorOf as ex, PG_URL, storeKinds, trackedRegistries } from "./_test-stores.js";
import { openStore } from "./index.js";
import { ingest } from "./ingest.js";
import { POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS } from "./migrations.js";

const SMALL = join(import.meta.dirname, "../../test/fixtures/store/small.jsonl");
/**
 * Version 2 tables and the columns they had; the body, a column of `document` until version 7, comes from
 * today's `document_body`.
 */
const V2_COLUMNS: [string, string][] = [
  ["model", "id, name, anonymous"],
  ["dataset", "id, name"],
  ["document", "id, hkey, hash, source, subject, added_at, current, body"],
  ["step", "id, document, step_id, kind, name, objective, parameterization, method, hyperparameters, output"],
  ["edge", "parent, child, step, relation"],
  ["step_dataset", "step, dataset"],
  ["license_claim", "kind, entity, document, license, license_name, license_link"],
];

/** Where a version 2 table's rows come from in today's registry (`prefix`: its schema or attached name). */
function fromToday(prefix: string, table: string): string {
  if (table !== "document") return `${prefix}.${table}`;
  return `(SELECT d.*, b.body FROM ${prefix}.document d JOIN ${prefix}.document_body b ON b.id = d.id) AS document`;
}

/** A version 2 registry with the contents of the registry at `source`, as a location to open. */
async function version2Copy(kind: "sqlite" | "postgres", source: string, target: string): Promise<void> {
  const statements = (kind === "sqlite" ? SQLITE_MIGRATIONS : POSTGRES_MIGRATIONS)
    .filter((m) => m.version <= 2)
    .flatMap((m) => m.statements);
  const meta = [
    "CREATE TABLE ftl_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "INSERT INTO ftl_meta (key, value) VALUES ('schema_version', '2')",
  ];
  if (kind === "sqlite") {
    const db = new Database(target);
    for (const sql of [...meta, ...statements]) db.exec(sql);
    db.exec(`ATTACH DATABASE '${source}' AS src`);
    for (const [table, columns] of V2_COLUMNS)
      db.exec(`INSERT INTO main.${table} (${columns}) SELECT ${columns} FROM ${fromToday("src", table)}`);
    db.close();
    return;
  }
  const schema = (url: string) => new URL(url).searchParams.get("schema") as string;
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA "${schema(target)}"`);
    await client.query(`SET search_path TO "${schema(target)}"`);
    for (const sql of [...meta, ...statements]) await client.query(sql);
    for (const [table, columns] of V2_COLUMNS)
      await client.query(
        `INSERT INTO ${table} (${columns}) SELECT ${columns} FROM ${fromToday(`"${schema(source)}"`, table)}`,
      );
  } finally {
    await client.end();
  }
}

const kinds = await storeKinds("upgrade test");

const track = trackedRegistries();

describe.each(kinds)("upgrading a version 2 registry (%s)", (name, make) => {
  it("computes the closure and the counts from its edges", async () => {
    const registry = track(make);
    const current = registry.fresh();
    const store = await openStore(current);
    await ingest(store, [SMALL]);
    const closure = sortedEntries(await storedClosure(ex(store)));
    const counts = await storedCounts(ex(store));
    const page = await store.descendantsPage("acme/base-7b", { objective: "dpo" });
    await store.close();

    const old = registry.fresh();
    await version2Copy(name === "SQLite" ? "sqlite" : "postgres", current, old);
    const upgraded = await openStore(old);
    try {
      expect(closure.length).toBeGreaterThan(10);
      expect(sortedEntries(await storedClosure(ex(upgraded)))).toEqual(closure);
      expect(await storedCounts(ex(upgraded))).toEqual(counts);
      const reference = await referenceClosure(ex(upgraded));
      expect(sortedEntries(reference)).toEqual(closure);
      expect(countsOf(reference)).toEqual(counts);
      expect(await upgraded.descendantsPage("acme/base-7b", { objective: "dpo" })).toEqual(page);
      expect((await upgraded.search("ACME/", { ignoreCase: true })).models).toContain("acme/base-7b");
    } finally {
      await upgraded.close();
    }
  });
});
