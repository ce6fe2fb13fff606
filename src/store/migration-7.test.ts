/**
 * Upgrading a version 6 registry to version 7 (document bodies apart, migration-7.ts), on both stores: the
 * bodies move to `document_body`, `document` loses the column, and every answer is the same as before.
 * A version 6 registry is made from a current one by putting the body back into `document`.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runOn, UNDO_V7, UNDO_V8 } from "./_test-downgrade.js";
import { executorOf as ex, oneStep, storeKinds, trackedRegistries } from "./_test-stores.js";
import { openStore } from "./index.js";
import { ingest } from "./ingest.js";
import { SCHEMA_VERSION } from "./migrations.js";
import type { Store } from "./store.js";

const SMALL = join(import.meta.dirname, "../../test/fixtures/store/small.jsonl");

/** What the registry answers about documents and chains, for comparisons before and after the upgrade. */
async function answers(store: Store): Promise<unknown[]> {
  return [
    await store.documentsFor("org/b"),
    await store.documentsFor("acme/chat-7b"),
    await store.ancestors("org/m"),
    await store.ancestors("acme/chat-7b"),
    await store.stats(),
  ];
}

const kinds = await storeKinds("upgrade test");
const track = trackedRegistries();

describe.each(kinds)("upgrading a version 6 registry (%s)", (name, make) => {
  it("moves every body to document_body and answers as before", async () => {
    const registry = track(make);
    const location = registry.fresh();
    const store = await openStore(location);
    await ingest(store, [SMALL]);
    // History: org/b's first document is replaced, and both stay.
    await store.addDocuments([
      { source: "t", document: oneStep("org/b", ["org/a"], { datasets: ["data/y"] }) },
      { source: "t", document: oneStep("org/m", ["org/b", "org/c"], { kind: "merge", method: "slerp" }) },
    ]);
    await store.addDocuments([
      { source: "t", document: oneStep("org/b", ["org/a"], { datasets: ["data/x"] }) },
    ]);
    const before = await answers(store);
    await store.close();

    await runOn(name === "SQLite" ? "sqlite" : "postgres", location, [
      ...UNDO_V8,
      ...UNDO_V7,
      "UPDATE ftl_meta SET value = '6' WHERE key = 'schema_version'",
    ]);
    const upgraded = await openStore(location);
    try {
      expect((await upgraded.stats()).schemaVersion).toBe(SCHEMA_VERSION);
      const after = await answers(upgraded);
      expect((after[0] as { documents: unknown[] }).documents).toHaveLength(2);
      expect(after).toEqual(before);
      const count = async (sql: string): Promise<number> =>
        Number((await ex(upgraded).all<{ n: number | string }>(sql, []))[0]?.n);
      const joined = await count("SELECT COUNT(*) AS n FROM document d JOIN document_body b ON b.id = d.id");
      expect(joined).toBe(await count("SELECT COUNT(*) AS n FROM document"));
      expect(joined).toBeGreaterThan(5);
      // The column is gone: selecting it fails.
      await expect(ex(upgraded).all("SELECT body FROM document", [])).rejects.toThrow();
    } finally {
      await upgraded.close();
    }
  });
});
